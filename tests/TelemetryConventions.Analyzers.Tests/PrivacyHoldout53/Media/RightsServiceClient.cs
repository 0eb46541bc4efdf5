using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout53.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout53.Media;

public sealed record RightsWindow(string TitleId, string Territory, string Platform, DateTimeOffset Start, DateTimeOffset End, string LicenceId, bool Download);

public sealed record AvailabilityCheck(string TitleId, string Territory, string Platform, string Tier);

public sealed record AvailabilityAnswer(bool Available, string? Reason, string? LicenceId);

public sealed record GeoVerdict(string Country, bool Vpn, string Confidence);

/// <summary>RFC 7807 problem details as the rights service writes them (type, title, detail, and the title and territory it was asked about).</summary>
public sealed record RightsProblem(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("detail")] string? Detail,
    [property: JsonPropertyName("titleId")] string? TitleId,
    [property: JsonPropertyName("territory")] string? Territory);

public sealed class RightsUnavailableException(RightsProblem problem)
    : Exception($"{problem.Title}: {problem.Detail}")
{
    public RightsProblem Problem { get; } = problem;
}

/// <summary>Typed client for the streaming rights service: licence windows, availability and the viewer geo check.</summary>
public sealed class RightsServiceClient(HttpClient http, ILogger<RightsServiceClient> logger, Meter meter, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Streaming.Rights.Client");

    public async Task<IReadOnlyList<RightsWindow>> GetWindowsAsync(string titleId, string territory, CancellationToken cancellationToken)
    {
        var path = $"titles/{titleId}/windows?territory={territory}";
        using var span = Source.StartPartnerCall("rights", "get-windows")
            .SetPartnerResource(path); // clean direct
        using var response = await http.GetAsync(path, cancellationToken);
        span.SetPartnerStatusCode((int)response.StatusCode);

        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadFromJsonAsync<RightsProblem>(cancellationToken);
            logger.LogWarning("Rights service problem {@Problem}", problem); // clean logging-objects
            throw new RightsUnavailableException(problem ?? new RightsProblem(null, "Unknown", (int)response.StatusCode, null, titleId, territory));
        }

        var windows = await response.Content.ReadFromJsonAsync<List<RightsWindow>>(cancellationToken) ?? [];
        logger.LogInformation("Title {TitleId} has {Count} windows in {Territory}: {Windows}", titleId, windows.Count, territory, windows); // clean logging-objects
        meter.CreatePartnerCallDurationHistogram().Record(0, "rights", "get-windows", 200, windows.Count == 0 ? "no-windows" : "ok"); // clean precision-about
        return windows;
    }

    public async Task<AvailabilityAnswer> CheckAsync(AvailabilityCheck check, Guid profileId, CancellationToken cancellationToken)
    {
        using var span = Source.StartPartnerCall("rights", "check-availability")
            .SetPartnerSubjectId(pseudonymizer.PseudonymizePartnerSubjectId(profileId.ToString())); // clean precision-pseudonym
        logger.LogDebug("Availability check {@Check}", check); // clean logging-objects
        logger.LogDebug("Availability check for profile {ProfileId}", profileId); // leak TC1001 direct

        using var response = await http.PostAsJsonAsync("availability/check", check, cancellationToken);
        var answer = await response.Content.ReadFromJsonAsync<AvailabilityAnswer>(cancellationToken) ?? new AvailabilityAnswer(false, "empty", null);
        span.SetPartnerOutcome(answer.Available ? "available" : answer.Reason ?? "unavailable"); // clean direct
        return answer;
    }

    public async Task<GeoVerdict?> VerifyViewerAsync(IPAddress viewerAddress, string claimedCountry, CancellationToken cancellationToken)
    {
        var url = $"geo/verify?ip={viewerAddress}&claimed={claimedCountry}";
        using var span = Source.StartPartnerCall("rights", "verify-geo");
        span.SetPartnerResource(url); // leak TC1001 strings
        var network = viewerAddress.GetAddressBytes() is { Length: 4 } b ? $"{b[0]}.{b[1]}.0.0/16" : "ipv6";
        span.SetPartnerNote($"network {network}, claimed {claimedCountry}"); // clean precision-about

        try
        {
            var verdict = await http.GetFromJsonAsync<GeoVerdict>(url, cancellationToken);
            if (verdict is { Vpn: true })
            {
                logger.LogInformation("VPN detected for {Address} claiming {Country}", viewerAddress, claimedCountry); // leak TC1001 direct
            }

            logger.LogInformation("Geo verdict {@Verdict}", verdict); // clean logging-objects
            return verdict;
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "Geo verification unavailable ({Status})", ex.StatusCode); // clean exceptions
            return null;
        }
    }
}

/// <summary>Playback's use of the rights client: a title the viewer cannot watch here.</summary>
public sealed class PlaybackRightsGate(RightsServiceClient rights, ILogger<PlaybackRightsGate> logger)
{
    public async Task<bool> AllowAsync(string titleId, string territory, string subscriberEmail, CancellationToken cancellationToken)
    {
        try
        {
            var windows = await rights.GetWindowsAsync(titleId, territory, cancellationToken);
            return windows.Any(w => w.Start <= DateTimeOffset.UtcNow && w.End > DateTimeOffset.UtcNow);
        }
        catch (RightsUnavailableException ex)
        {
            logger.LogWarning(ex, "Title {TitleId} not licensed in {Territory}", ex.Problem.TitleId, ex.Problem.Territory); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            Activity.Current?.SetTag(PartnerAttributes.SubjectContact, subscriberEmail); // leak TC1001 generated-api
            return false;
        }
    }
}
