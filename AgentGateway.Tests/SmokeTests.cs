namespace AgentGateway.Tests;

public class SmokeTests
{
    [Fact]
    public void Builds() => Assert.True(true);
}
