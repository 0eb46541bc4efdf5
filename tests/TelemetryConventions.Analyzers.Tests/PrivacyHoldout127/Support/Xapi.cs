namespace LearnKit.Xapi;

// The shapes of an xAPI client library (in the manner of TinCan.NET): statements with an actor, a verb, an
// object, a result and a context, sent to a learning record store.

/// <summary>The account an agent is known by on a system: the system's home page and the user's login there.</summary>
public sealed class AgentAccount
{
    public required Uri HomePage { get; init; }

    public required string Name { get; init; }
}

/// <summary>An xAPI agent. Identified by exactly one of mbox (<c>mailto:</c>), mbox_sha1sum, openid or account.</summary>
public sealed class Agent
{
    public string? Name { get; init; }

    public string? Mbox { get; init; }

    public string? MboxSha1Sum { get; init; }

    public AgentAccount? Account { get; init; }

    /// <summary>The JSON the LRS receives for this agent.</summary>
    public string ToJson() =>
        Account is { } a ? $"{{\"objectType\":\"Agent\",\"account\":{{\"homePage\":\"{a.HomePage}\",\"name\":\"{a.Name}\"}}}}" : $"{{\"objectType\":\"Agent\",\"mbox\":\"{Mbox}\"}}";
}

/// <summary>A verb: an IRI and a display name per language.</summary>
public sealed record Verb(Uri Id, string Display)
{
    public static readonly Verb Completed = new(new Uri("http://adlnet.gov/expapi/verbs/completed"), "completed");
    public static readonly Verb Passed = new(new Uri("http://adlnet.gov/expapi/verbs/passed"), "passed");
    public static readonly Verb Failed = new(new Uri("http://adlnet.gov/expapi/verbs/failed"), "failed");
    public static readonly Verb Experienced = new(new Uri("http://adlnet.gov/expapi/verbs/experienced"), "experienced");
    public static readonly Verb Attempted = new(new Uri("http://adlnet.gov/expapi/verbs/attempted"), "attempted");

    /// <summary>The last segment of the verb's IRI.</summary>
    public string ShortName => Id.Segments[^1];
}

/// <summary>The definition of an activity: its name and type.</summary>
public sealed record ActivityDefinition(string Name, Uri Type);

/// <summary>An activity, the usual object of a statement, identified by an IRI.</summary>
public sealed record LearningActivity(Uri Id, ActivityDefinition? Definition = null);

public sealed record Score(double? Scaled, double? Raw = null, double? Min = null, double? Max = null);

/// <summary>The result of a statement. Prints its members.</summary>
public sealed record StatementResult(Score? Score, bool? Success, bool? Completion, TimeSpan? Duration, string? Response = null);

/// <summary>The context of a statement: the registration (one learner's attempt at a course), the instructor and the platform.</summary>
public sealed class StatementContext
{
    public Guid? Registration { get; init; }

    public Agent? Instructor { get; init; }

    public string? Platform { get; init; }

    public Dictionary<Uri, string> Extensions { get; } = new();
}

/// <summary>An xAPI statement. A class: logged as a value it prints its type's name.</summary>
public sealed class Statement
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required Agent Actor { get; init; }

    public required Verb Verb { get; init; }

    public required LearningActivity Target { get; init; }

    public StatementResult? Result { get; init; }

    public StatementContext? Context { get; init; }

    public DateTimeOffset Timestamp { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The statement as the LRS receives it.</summary>
    public string ToJson() =>
        $"{{\"id\":\"{Id}\",\"actor\":{Actor.ToJson()},\"verb\":{{\"id\":\"{Verb.Id}\"}},\"object\":{{\"id\":\"{Target.Id}\"}}}}";
}

/// <summary>What the LRS answered: success, its own error message (which, for a statement it refuses, quotes the actor) and the ids it stored. Prints its members.</summary>
public sealed record LrsResponse(bool Success, string? ErrMsg, IReadOnlyList<Guid> StatementIds);

/// <summary>A query of the LRS's statements resource.</summary>
public sealed class StatementsQuery
{
    public Agent? Agent { get; init; }

    public Uri? VerbId { get; init; }

    public Uri? ActivityId { get; init; }

    public Guid? Registration { get; init; }

    public DateTimeOffset? Since { get; init; }

    public int Limit { get; init; } = 100;

    /// <summary>The query string the client sends (<c>agent</c> is the agent's JSON, URL-encoded).</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        if (Agent is not null) parts.Add("agent=" + Uri.EscapeDataString(Agent.ToJson()));
        if (VerbId is not null) parts.Add("verb=" + Uri.EscapeDataString(VerbId.ToString()));
        if (ActivityId is not null) parts.Add("activity=" + Uri.EscapeDataString(ActivityId.ToString()));
        if (Registration is not null) parts.Add("registration=" + Registration);
        if (Since is not null) parts.Add("since=" + Since.Value.ToString("O", CultureInfo.InvariantCulture));
        parts.Add("limit=" + Limit.ToString(CultureInfo.InvariantCulture));
        return string.Join("&", parts);
    }
}

public sealed record StatementsResult(IReadOnlyList<Statement> Statements, string? More);

public interface IRemoteLrs
{
    Task<LrsResponse> SaveStatementAsync(Statement statement, CancellationToken cancellationToken = default);

    Task<LrsResponse> SaveStatementsAsync(IReadOnlyList<Statement> statements, CancellationToken cancellationToken = default);

    Task<StatementsResult> QueryStatementsAsync(StatementsQuery query, CancellationToken cancellationToken = default);
}

/// <summary>
/// The LRS refused a statement. Its message is the LRS's own: for a malformed actor it quotes the actor's JSON
/// (<c>Invalid mbox: 'mailto:…'</c>); for a conflict it quotes the statement id.
/// </summary>
public sealed class LrsException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
