"""The three API surfaces and the hosted pages: thin apps that mount the domains' routers."""
