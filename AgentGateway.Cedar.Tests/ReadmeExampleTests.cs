using AgentGateway.Cedar;

namespace AgentGateway.Cedar.Tests;

/// <summary>
/// The README's example is the code between the markers below, character for character (after its <c>using</c>
/// line): the compiler checks that it builds, the asserts check what its comments claim, and the text comparison
/// fails as soon as either copy changes alone.
/// </summary>
public sealed class ReadmeExampleTests
{
    private const string Begin = "// README example: begin";
    private const string End = "// README example: end";

    [Fact]
    public void ReadmeExample_DecidesAndValidatesAsItsCommentsSay()
    {
        // README example: begin
        // Policies: ids are policy0, policy1, ... in text order. CedarParseException has Line, Column and Reason.
        var policies = CedarPolicySet.Parse("""
            permit(principal in Group::"editors", action == Action::"edit", resource);
            forbid(principal, action, resource) when { resource.locked };
            """);

        // Entities from Cedar's JSON entity format...
        var entities = CedarEntities.FromJson("""
            [
              {"uid": {"type": "User", "id": "alice"}, "attrs": {}, "parents": [{"type": "Group", "id": "editors"}]},
              {"uid": {"type": "Group", "id": "editors"}, "attrs": {}, "parents": []},
              {"uid": {"type": "Doc", "id": "plan"}, "attrs": {"locked": false}, "parents": []}
            ]
            """);

        // ...or built in code from plain .NET values (strings, integers, bools, lists, dictionaries).
        var locked = CedarEntity.Create(new EntityUid("Doc", "report"), new Dictionary<string, object?> { ["locked"] = true });

        var alice = new EntityUid("User", "alice");
        var edit = new EntityUid("Action", "edit");
        var context = CedarRequest.ContextFrom(new Dictionary<string, object?> { ["ip"] = "10.0.0.7" });

        CedarResponse plan = Authorizer.IsAuthorized(new CedarRequest(alice, edit, new EntityUid("Doc", "plan"), context), policies, entities);
        // plan.Decision == CedarDecision.Allow, plan.Reasons == ["policy0"]

        var withReport = new CedarEntities([.. entities.All, locked]);
        CedarResponse report = Authorizer.IsAuthorized(new CedarRequest(alice, edit, locked.Uid, context), policies, withReport);
        // report.Decision == CedarDecision.Deny, report.Reasons == ["policy1"] (forbid wins)

        // Validation against a schema (the human-readable format): one message per policy that does not type-check.
        var schema = CedarSchema.Parse("""
            entity Group;
            entity User in [Group];
            entity Doc { locked: Bool };
            action edit appliesTo { principal: [User], resource: [Doc] };
            """);
        IReadOnlyList<string> problems = new CedarValidator(schema).Validate(policies);
        // problems is empty
        // README example: end

        Assert.Equal(CedarDecision.Allow, plan.Decision);
        Assert.Equal(["policy0"], plan.Reasons);
        Assert.Empty(plan.Errors);
        Assert.Equal(CedarDecision.Deny, report.Decision);
        Assert.Equal(["policy1"], report.Reasons);
        Assert.Empty(problems);
    }

    [Fact]
    public void ReadmeExample_IsTheCodeThisTestCompiles()
    {
        var readme = CodeBlock(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "readme", "README.md")));
        var compiled = Between(File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "readme", "ReadmeExampleTests.cs")));

        Assert.Equal("using AgentGateway.Cedar;", readme[0]);
        Assert.Equal("", readme[1]);
        Assert.Equal(compiled, readme[2..]);
    }

    /// <summary>The first csharp block of the README.</summary>
    private static string[] CodeBlock(string[] lines)
    {
        var start = Array.IndexOf(lines, "```csharp") + 1;
        Assert.True(start > 0, "the README has no ```csharp block");
        var end = Array.IndexOf(lines, "```", start);
        return lines[start..end];
    }

    /// <summary>The lines between the markers, with the method body's indentation removed.</summary>
    private static string[] Between(string[] lines)
    {
        var start = Array.FindIndex(lines, l => l.Trim() == Begin) + 1;
        var end = Array.FindIndex(lines, l => l.Trim() == End);
        const string indent = "        ";
        return [.. lines[start..end].Select(l => l.StartsWith(indent, StringComparison.Ordinal) ? l[indent.Length..] : l)];
    }
}
