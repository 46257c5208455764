-- wrk script: POST a client-credentials token request to mock-oauth2-server (issuer "default", any client).
wrk.method = "POST"
wrk.body = "grant_type=client_credentials&client_id=demo-app&client_secret=demo-app-secret&scope=api"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
