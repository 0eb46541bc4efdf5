using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using PrivacyHoldout33.Support.Geo;
using PrivacyHoldout33.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout33.Media;

public static class RightsTelemetry
{
    /// <summary>Tags the address a playback request came from.</summary>
    public static Activity? TagClientAddress(this Activity? activity, IPAddress clientAddress) => activity?.SetTag("client.address", clientAddress.ToString()); // leak TC1001 direct
}

public sealed record GeoDecision(Guid SubscriberId, string Country, string? Region, string Territory, bool Allowed);

public sealed record TerritorySummary(string Territory, int Allowed, int Denied, int Proxies);

/// <summary>Nightly audit of the geo-rights decisions, for the studios' reports.</summary>
public sealed class ViewerGeoAudit(
    ILogger<ViewerGeoAudit> logger,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Playback.RightsAudit");
    private readonly Counter<long> _reviewed = meter.CreateCounter<long>("rights.audit.reviewed", "{decision}");

    public void Review(IReadOnlyList<GeoDecision> decisions, IReadOnlyDictionary<Guid, IPAddress> lastAddresses, IPAddress edgeServer)
    {
        using var activity = Source.StartActivity("rights.audit");
        activity.TagClientAddress(edgeServer); // clean cross-member
        logger.LogDebug("Reviewing {Count} decisions; last addresses {Addresses}", decisions.Count, lastAddresses); // leak TC1001 logging-objects
        foreach (var group in decisions.GroupBy(d => d.Territory))
        {
            var summary = new TerritorySummary(group.Key, group.Count(d => d.Allowed), group.Count(d => !d.Allowed), 0);
            logger.LogInformation("Territory {@Summary}", summary); // clean logging-objects
        }

        foreach (var denied in decisions.Where(d => !d.Allowed).Take(20))
        {
            logger.LogInformation("Denied: {Decision}", denied); // leak TC1001 logging-objects
            logger.LogInformation("Denied in {Country}/{Region} for {Subscriber}", denied.Country, denied.Region, pseudonymizer.ComputeGeoSubjectId(denied.SubscriberId.ToString())); // clean precision-pseudonym
            _reviewed.Add(1, new KeyValuePair<string, object?>("subscriber", pseudonymizer.PseudonymizeGeoSubjectId(denied.SubscriberId.ToString()).Value)); // leak TC1003 precision-pseudonym

            if (lastAddresses.TryGetValue(denied.SubscriberId, out var address))
            {
                activity.TagClientAddress(address); // leak TC1001 cross-member
                var fingerprint = Convert.ToHexString(MD5.HashData(address.GetAddressBytes()));
                activity?.AddEvent(new ActivityEvent("rights.denied", tags: new ActivityTagsCollection { ["viewer.fingerprint"] = fingerprint, ["rights.territory"] = denied.Territory })); // leak TC1002 hashes
            }
        }

        Activity.Current.EnrichGeoLookup("maxmind").SetGeoCandidateCount(decisions.Count).SetGeoNote($"{decisions.Count(d => !d.Allowed)} denials in {decisions.Select(d => d.Territory).Distinct().Count()} territories"); // clean generated-api
        meter.CreateGeoLookupsCounter().Add(decisions.Count, geoProvider: "maxmind", geoOutcome: "audited"); // clean generated-api
    }
}
