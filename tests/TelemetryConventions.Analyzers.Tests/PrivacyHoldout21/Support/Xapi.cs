using System;
using System.Collections.Generic;

namespace PrivacyHoldout21.Support.Xapi;

// Stand-ins for the xAPI (Experience API) statement model, as TinCan.NET shapes it.

public sealed class AgentAccount
{
    public string? HomePage { get; set; }

    public string? Name { get; set; }
}

public sealed class Agent
{
    public string ObjectType { get; set; } = "Agent";

    public string? Name { get; set; }

    /// <summary>"mailto:" followed by the learner's email address.</summary>
    public string? Mbox { get; set; }

    /// <summary>Hex SHA-1 of the mbox IRI, as the specification defines it.</summary>
    public string? MboxSha1Sum { get; set; }

    public AgentAccount? Account { get; set; }
}

public sealed class Verb
{
    public required Uri Id { get; set; }

    public Dictionary<string, string> Display { get; set; } = new();
}

public sealed class ActivityDefinition
{
    public Dictionary<string, string> Name { get; set; } = new();

    public Uri? Type { get; set; }
}

public sealed class StatementActivity
{
    public string ObjectType { get; set; } = "Activity";

    public required Uri Id { get; set; }

    public ActivityDefinition? Definition { get; set; }
}

public sealed class Score
{
    public double? Scaled { get; set; }

    public double? Raw { get; set; }
}

public sealed class Result
{
    public Score? Score { get; set; }

    public bool? Success { get; set; }

    public bool? Completion { get; set; }

    public string? Response { get; set; }

    public TimeSpan? Duration { get; set; }
}

public sealed class Context
{
    public Guid? Registration { get; set; }

    public Agent? Instructor { get; set; }

    public string? Platform { get; set; }
}

public sealed class Statement
{
    public Guid? Id { get; set; }

    public required Agent Actor { get; set; }

    public required Verb Verb { get; set; }

    public required StatementActivity Target { get; set; }

    public Result? Result { get; set; }

    public Context? Context { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public string Version { get; set; } = "1.0.3";
}
