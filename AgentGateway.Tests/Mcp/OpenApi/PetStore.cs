using AgentGateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AgentGateway.Tests.Mcp.OpenApi;

/// <summary>A real REST API on Kestrel with its OpenAPI document, for the openapi target.</summary>
public sealed class PetStore : IAsyncDisposable
{
    public const string Spec = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Pets", "version": "1.0" },
          "servers": [ { "url": "http://unused.invalid" } ],
          "paths": {
            "/pets/{petId}": {
              "get": {
                "operationId": "getPet",
                "summary": "Gets a pet",
                "parameters": [
                  { "name": "petId", "in": "path", "required": true, "schema": { "type": "integer" } },
                  { "name": "verbose", "in": "query", "schema": { "type": "boolean" } }
                ],
                "responses": { "200": { "description": "ok" } }
              }
            },
            "/pets": {
              "post": {
                "operationId": "createPet",
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Pet" } } } },
                "responses": { "201": { "description": "created" } }
              }
            },
            "/broken": {
              "get": { "responses": { "500": { "description": "always fails" } } }
            }
          },
          "components": {
            "schemas": {
              "Pet": { "type": "object", "required": ["name"], "properties": { "name": { "type": "string" } } }
            }
          }
        }
        """;

    private readonly WebApplication _app;

    private PetStore(WebApplication app, int port)
    {
        _app = app;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public string BaseUrl { get; }

    public string? LastApiKey { get; private set; }

    public static async Task<PetStore> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var store = new PetStore(app, port);
        app.MapGet("/pets/{petId:int}", (int petId, bool? verbose, HttpContext ctx) =>
        {
            store.LastApiKey = ctx.Request.Headers["X-Api-Key"].ToString();
            return Results.Json(new { id = petId, name = "Rex", verbose = verbose ?? false });
        });
        app.MapPost("/pets", (PetInput pet) => Results.Json(new { id = 99, name = pet.Name }, statusCode: 201));
        app.MapGet("/broken", () => Results.Text("database on fire", statusCode: 500));
        await app.StartAsync();
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record PetInput(string Name);
}
