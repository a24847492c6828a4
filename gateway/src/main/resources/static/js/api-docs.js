// The OpenAPI page: Swagger UI over the gateway's merged document. "Authorize" takes a bearer token or an API key.
window.addEventListener('load', () => {
  window.ui = SwaggerUIBundle({
    url: '/v3/api-docs',
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: false,
    tryItOutEnabled: false
  });
});
