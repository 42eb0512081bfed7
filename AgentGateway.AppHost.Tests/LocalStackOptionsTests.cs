using AgentGateway.AppHost.Redis;

namespace AgentGateway.AppHost.Tests;

public sealed class LocalStackOptionsTests
{
    [Theory]
    [InlineData(new string[0], 1, RedisMode.Auto)]
    [InlineData(new[] { "--replicas", "3" }, 3, RedisMode.Auto)]
    [InlineData(new[] { "--other", "--replicas=2", "--redis", "executable" }, 2, RedisMode.Executable)]
    [InlineData(new[] { "--redis=NONE" }, 1, RedisMode.None)]
    public void Parse_ReadsReplicasAndRedisFromTheCommandLine(string[] args, int replicas, RedisMode redis)
    {
        var options = LocalStackOptions.Parse(args);

        Assert.Equal(replicas, options.Replicas);
        Assert.Equal(redis, options.Redis);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("17")]
    [InlineData("three")]
    [InlineData("-1")]
    public void Parse_BadReplicaCount_ThrowsAClearMessage(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => LocalStackOptions.Parse(["--replicas", value]));
        Assert.Contains("--replicas takes a whole number from 1 to 16", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docker")]
    [InlineData("7")]
    [InlineData("")]
    public void Parse_UnknownRedisMode_ThrowsAClearMessage(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => LocalStackOptions.Parse(["--redis", value]));
        Assert.Contains("--redis takes auto, container, executable or none", error.Message, StringComparison.Ordinal);
    }
}
