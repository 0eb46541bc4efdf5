using System;
using System.Collections.Generic;

namespace PrivacyHoldout42.Support.Voice;

// Stand-ins shaped like the Alexa Skills Kit request and response model (Alexa.NET), which the
// voice skills of these services receive as JSON.

public sealed class SkillRequest
{
    public required string Version { get; init; }

    public required Session Session { get; init; }

    public required Context Context { get; init; }

    public required Request Request { get; init; }
}

public sealed class Session
{
    public required string SessionId { get; init; }

    public bool New { get; init; }

    public required Application Application { get; init; }

    public required User User { get; init; }

    public Dictionary<string, object> Attributes { get; init; } = new();
}

public sealed class Application
{
    /// <summary>The skill's id (<c>amzn1.ask.skill.…</c>).</summary>
    public required string ApplicationId { get; init; }
}

public sealed class User
{
    /// <summary>The account's id for this skill (<c>amzn1.ask.account.…</c>).</summary>
    public required string UserId { get; init; }

    /// <summary>The access token of the linked account, when the person linked one.</summary>
    public string? AccessToken { get; init; }
}

public sealed class Context
{
    public required AlexaSystem System { get; init; }
}

public sealed class AlexaSystem
{
    public required Device Device { get; init; }

    public Person? Person { get; init; }

    public required string ApiEndpoint { get; init; }

    public string? ApiAccessToken { get; init; }
}

public sealed class Device
{
    /// <summary>The id of the speaker or screen the request came from (<c>amzn1.ask.device.…</c>).</summary>
    public required string DeviceId { get; init; }

    public IReadOnlyList<string> SupportedInterfaces { get; init; } = [];
}

public sealed class Person
{
    /// <summary>The recognised speaker (<c>amzn1.ask.person.…</c>).</summary>
    public required string PersonId { get; init; }
}

public abstract class Request
{
    public required string RequestId { get; init; }

    public required string Locale { get; init; }

    public DateTimeOffset Timestamp { get; init; }

    public abstract string Type { get; }
}

public sealed class LaunchRequest : Request
{
    public override string Type => "LaunchRequest";
}

public sealed class IntentRequest : Request
{
    public required Intent Intent { get; init; }

    public string DialogState { get; init; } = "COMPLETED";

    public override string Type => "IntentRequest";
}

public sealed class SessionEndedRequest : Request
{
    public string Reason { get; init; } = "USER_INITIATED";

    public override string Type => "SessionEndedRequest";
}

public sealed class Intent
{
    public required string Name { get; init; }

    public string ConfirmationStatus { get; init; } = "NONE";

    public Dictionary<string, Slot> Slots { get; init; } = new(StringComparer.Ordinal);
}

public sealed class Slot
{
    public required string Name { get; init; }

    /// <summary>What the person said for the slot, as recognised.</summary>
    public string? Value { get; init; }

    public Resolution? Resolution { get; init; }
}

public sealed class Resolution
{
    public List<ResolutionAuthority> Authorities { get; init; } = [];
}

public sealed class ResolutionAuthority
{
    public required string Authority { get; init; }

    public required string StatusCode { get; init; }

    public List<ResolutionValue> Values { get; init; } = [];
}

/// <summary>An entity of the skill's slot type that the spoken value resolved to.</summary>
public sealed class ResolutionValue
{
    public required string Id { get; init; }

    public required string Name { get; init; }
}

public sealed class SkillResponse
{
    public required string OutputSpeech { get; init; }

    public bool ShouldEndSession { get; init; } = true;

    public static SkillResponse Tell(string speech) => new() { OutputSpeech = speech };

    public static SkillResponse Ask(string speech) => new() { OutputSpeech = speech, ShouldEndSession = false };
}
