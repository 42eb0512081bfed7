using AgentGateway.Llm.Providers.Bedrock;

namespace AgentGateway.Tests.Llm.Providers.Bedrock;

/// <summary>
/// The signer against the examples AWS publishes with the SigV4 specification (the test-suite's get/post-vanilla
/// requests and the IAM ListUsers walkthrough, all with the documentation's example key pair).
/// </summary>
public class SigV4Tests
{
    private static readonly AwsCredentials Example = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static readonly DateTimeOffset ExampleTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);
    private static readonly string EmptyHash = SigV4.PayloadHash([]);

    private static KeyValuePair<string, string>[] Headers(string host, params (string Name, string Value)[] more) =>
        [KeyValuePair.Create("Host", host), KeyValuePair.Create("X-Amz-Date", "20150830T123600Z"), .. more.Select(h => KeyValuePair.Create(h.Name, h.Value))];

    [Fact]
    public void GetVanilla_MatchesTheTestSuite()
    {
        var signed = SigV4.Sign("GET", new Uri("https://example.amazonaws.com/"), Headers("example.amazonaws.com"), EmptyHash, Example, "us-east-1", "service", ExampleTime);

        Assert.Equal("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", signed.CanonicalRequest);
        Assert.Equal("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63", signed.StringToSign);
        Assert.Equal("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", signed.Authorization);
    }

    [Fact]
    public void PostVanilla_MatchesTheTestSuite()
    {
        var signed = SigV4.Sign("POST", new Uri("https://example.amazonaws.com/"), Headers("example.amazonaws.com"), EmptyHash, Example, "us-east-1", "service", ExampleTime);

        Assert.Equal("5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b", signed.Signature);
    }

    [Fact]
    public void IamListUsers_QueryAndContentType_MatchTheDocumentedWalkthrough()
    {
        var signed = SigV4.Sign("GET", new Uri("https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08"),
            Headers("iam.amazonaws.com", ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")), EmptyHash, Example, "us-east-1", "iam", ExampleTime);

        Assert.Equal("GET\n/\nAction=ListUsers&Version=2010-05-08\ncontent-type:application/x-www-form-urlencoded; charset=utf-8\nhost:iam.amazonaws.com\nx-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", signed.CanonicalRequest);
        Assert.EndsWith("f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59", signed.StringToSign, StringComparison.Ordinal);
        Assert.Equal("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7", signed.Signature);
    }

    [Fact]
    public void SigningKey_MatchesTheDocumentedDerivation()
    {
        var key = SigV4.SigningKey(Example.SecretAccessKey, "20150830", "us-east-1", "iam");

        Assert.Equal("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9", SigV4.Hex(key));
    }

    [Fact]
    public void QueryParameters_AreSortedAndEncoded()
    {
        var signed = SigV4.Sign("GET", new Uri("https://example.amazonaws.com/?b=2&a=x%20y&a=1"), Headers("example.amazonaws.com"), EmptyHash, Example, "us-east-1", "service", ExampleTime);

        Assert.Equal("a=1&a=x%20y&b=2", signed.CanonicalRequest.Split('\n')[2]);
    }

    [Fact]
    public void BedrockModelIdPath_IsEncodedTwice_AsForEveryServiceButS3()
    {
        var uri = new Uri("https://bedrock-runtime.us-east-1.amazonaws.com/model/" + Uri.EscapeDataString("anthropic.claude-v2:1") + "/converse");

        var signed = SigV4.Sign("POST", uri, Headers(uri.Host), EmptyHash, Example, "us-east-1", "bedrock", ExampleTime);

        Assert.Equal("/model/anthropic.claude-v2%253A1/converse", signed.CanonicalRequest.Split('\n')[1]);
    }

    [Fact]
    public void HeaderValues_AreTrimmedAndSpacesCollapsed()
    {
        var signed = SigV4.Sign("GET", new Uri("https://example.amazonaws.com/"), Headers("example.amazonaws.com", ("My-Header1", "  value1   with  spaces ")), EmptyHash, Example, "us-east-1", "service", ExampleTime);

        Assert.Contains("\nmy-header1:value1 with spaces\n", signed.CanonicalRequest, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_NeverPrintTheSecret()
    {
        var creds = new AwsCredentials("AKID", "top-secret", "session-secret");

        Assert.DoesNotContain("secret", creds.ToString(), StringComparison.Ordinal);
    }
}
