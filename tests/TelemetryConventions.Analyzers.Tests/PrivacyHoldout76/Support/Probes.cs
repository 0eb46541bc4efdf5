using System.Net;

namespace Probekit;

// The platform team's synthetic monitoring kit. Probes run on a schedule and after each deploy,
// against production, signed in as registered synthetic accounts: accounts the platform created in
// each production system with the synthetic flag set (excluded from billing, reporting, contact and
// analytics). Their ids start with "syn-" and their logins are on the organisation's reserved
// "probes." sub-domain. What prints what:
// - SyntheticAccount is a positional record: it prints its id, login and label.
// - ProbeResponse is a positional record: it prints step, method, path, status, body and elapsed time.
// - ProbeRun prints the probe, the account id, whether it passed and the number of steps.
// - ProbeAssertionException's message quotes the probe, the step, the expected value and the actual
//   value: for BodyContains the whole actual response body, for Status the two status codes only.

public sealed record SyntheticAccount(string AccountId, string Login, string Label)
{
    public bool IsSynthetic => AccountId.StartsWith("syn-", StringComparison.Ordinal);
}

public sealed record ProbeResponse(string Step, string Method, string Path, int StatusCode, string Body, TimeSpan Elapsed)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;
}

public sealed class ProbeRun(string probe, string accountId)
{
    public string Probe { get; } = probe;

    public string AccountId { get; } = accountId;

    public List<ProbeResponse> Steps { get; } = [];

    public bool Passed { get; set; }

    public override string ToString() => $"{Probe} as {AccountId}: {(Passed ? "passed" : "failed")} after {Steps.Count} steps";
}

public sealed class ProbeAssertionException(string probe, string step, string expected, string actual)
    : Exception($"Probe {probe} failed at {step}: expected {expected} but got {actual}")
{
    public string Probe { get; } = probe;

    public string Step { get; } = step;

    public string Expected { get; } = expected;

    public string Actual { get; } = actual;
}

public static class ProbeAssert
{
    public static void Status(string probe, ProbeResponse response, int expected)
    {
        if (response.StatusCode != expected)
        {
            throw new ProbeAssertionException(probe, response.Step, $"HTTP {expected}", $"HTTP {response.StatusCode}");
        }
    }

    public static void BodyContains(string probe, ProbeResponse response, string expected)
    {
        if (!response.Body.Contains(expected, StringComparison.Ordinal))
        {
            throw new ProbeAssertionException(probe, response.Step, expected, response.Body);
        }
    }
}

/// <summary>An HttpClient wrapper that signs in and times each step of a probe.</summary>
public sealed class ProbeHttpClient(HttpClient http)
{
    public async Task SignInAsync(string login, string secret, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = login, ["password"] = secret });
        using var response = await http.PostAsync("/auth/signin", form, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public Task<ProbeResponse> GetAsync(string step, string path, CancellationToken cancellationToken) =>
        SendAsync(step, HttpMethod.Get, path, null, cancellationToken);

    public Task<ProbeResponse> PostAsync(string step, string path, string body, CancellationToken cancellationToken) =>
        SendAsync(step, HttpMethod.Post, path, body, cancellationToken);

    private async Task<ProbeResponse> SendAsync(string step, HttpMethod method, string path, string? body, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return new ProbeResponse(step, method.Method, path, (int)response.StatusCode, text, Stopwatch.GetElapsedTime(started));
    }
}
