namespace PrivacyHoldout89.Opa;

// A stand-in of an Open Policy Agent client: the input document is posted to the Data API
// (POST /v1/data/{path}) and the rule's value comes back with a decision id for the decision log.

public sealed record OpaResponse<TResult>(TResult? Result, string? DecisionId);

public interface IOpaClient
{
    Task<OpaResponse<TResult>> EvaluateAsync<TInput, TResult>(string policyPath, TInput input, CancellationToken cancellationToken = default);
}

/// <summary>The decision most of the policies return: allow, the deny reasons and the obligations to apply. A record: its lists print as their type names.</summary>
public sealed record PolicyDecision(bool Allow, IReadOnlyList<string> Deny, IReadOnlyList<string> Obligations)
{
    public static PolicyDecision DenyAll(string reason) => new(false, new[] { reason }, Array.Empty<string>());
}

/// <summary>OPA answered with an error; its message is OPA's (the code and the rule's location).</summary>
public sealed class OpaEvaluationException(string code, string location) : Exception($"{code}: policy evaluation failed at {location}")
{
    public string Code { get; } = code;
}
