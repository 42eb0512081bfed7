using System.Security.Claims;
using System.Text.Json.Nodes;
using AgentGateway.Llm.Cache;
using AgentGateway.Security;
using Microsoft.AspNetCore.Http;

namespace AgentGateway.Tests.Llm.Cache;

/// <summary>The canonical key: key order, whitespace and escaping do not matter; values, route, API and caller do.</summary>
public class CacheKeyTests
{
    private static string Key(string json, string route = "r", string operation = "chat/completions", string partition = "principal:a", IHeaderDictionary? headers = null) =>
        CacheKey.Compute(route, "models", operation, partition, headers ?? new HeaderDictionary(), JsonNode.Parse(json)!);

    [Fact]
    public void KeyOrderWhitespaceAndEscaping_DoNotChangeTheKey()
    {
        var a = Key("""{"model":"m","messages":[{"role":"user","content":"hi A"}],"temperature":0.5}""");
        var b = Key("""
            {
              "temperature" : 0.5,
              "messages" : [ { "content" : "hi \u0041", "role" : "user" } ],
              "model" : "m"
            }
            """);

        Assert.Equal(a, b);
        Assert.Equal(64, a.Length);
    }

    [Theory]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi B"}],"temperature":0.5}""")] // content
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi A"}],"temperature":0.7}""")] // a number
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi A"}],"temperature":0.50}""")] // a number's spelling
    [InlineData("""{"model":"n","messages":[{"role":"user","content":"hi A"}],"temperature":0.5}""")] // model
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi A"}],"temperature":0.5,"stream":true}""")] // an added key
    [InlineData("""{"model":"m","messages":[{"content":"hi A","role":"user"},{"role":"user","content":"x"}],"temperature":0.5}""")] // array length
    public void AnyValueDifference_ChangesTheKey(string other)
    {
        Assert.NotEqual(Key("""{"model":"m","messages":[{"role":"user","content":"hi A"}],"temperature":0.5}"""), Key(other));
    }

    [Fact]
    public void RouteApiCallerAndAnswerHeaders_ArePartOfTheKey()
    {
        const string Body = """{"model":"m"}""";
        var baseline = Key(Body);

        Assert.NotEqual(baseline, Key(Body, route: "other"));
        Assert.NotEqual(baseline, Key(Body, operation: "messages"));
        Assert.NotEqual(baseline, Key(Body, partition: "principal:b"));
        Assert.NotEqual(baseline, Key(Body, headers: new HeaderDictionary { ["anthropic-beta"] = "tools-2024" }));
        Assert.Equal(baseline, Key(Body, headers: new HeaderDictionary { ["x-unrelated"] = "1" }));
    }

    [Fact]
    public void Partition_IsThePrincipal_ElseTheCredentialHash_ElseNone()
    {
        var user = new DefaultHttpContext { User = GatewayClaims.Create(GatewayClaims.ApiKey, "bot", []) };
        user.Request.Headers.Authorization = "Bearer same-secret";
        var sameNameOtherKind = new DefaultHttpContext { User = GatewayClaims.Create(GatewayClaims.Basic, "bot", []) };
        var anonymous = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity()) };
        anonymous.Request.Headers.Authorization = "Bearer same-secret";
        var anonymousViaHeader = new DefaultHttpContext();
        anonymousViaHeader.Request.Headers["x-api-key"] = "same-secret";
        var nobody = new DefaultHttpContext();

        Assert.StartsWith("principal:", CacheKey.Partition(user), StringComparison.Ordinal);
        Assert.NotEqual(CacheKey.Partition(user), CacheKey.Partition(sameNameOtherKind));
        Assert.StartsWith("credential:", CacheKey.Partition(anonymous), StringComparison.Ordinal);
        Assert.DoesNotContain("same-secret", CacheKey.Partition(anonymous), StringComparison.Ordinal);
        Assert.Equal(CacheKey.Partition(anonymous), CacheKey.Partition(anonymousViaHeader));
        Assert.Null(CacheKey.Partition(nobody));
    }
}
