-- wrk script: POST a client-credentials token request (the embedded default app client).
wrk.method = "POST"
wrk.body = "grant_type=client_credentials&client_id=demo-app&client_secret=demo-app-secret"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
