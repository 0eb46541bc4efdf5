using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout31.Support.Caching;
using PrivacyHoldout31.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout31.Healthcare;

public sealed record PatientSummary(string HospitalNumber, string NhsNumber, string FamilyName, IReadOnlyList<string> ActiveProblems, string Ward);

public interface IPatientRecordStore
{
    Task<PatientSummary?> ReadSummaryAsync(string hospitalNumber, CancellationToken cancellationToken);
}

/// <summary>Ward round summaries, cached per patient and tagged by ward and patient for eviction.</summary>
public sealed class PatientSummaryCache(HybridCache cache, IPatientRecordStore records, Pseudonymizer pseudonymizer, Meter meter, ILogger<PatientSummaryCache> logger)
{
    private const string Region = "patient-summaries";
    private static readonly ActivitySource Source = new("Clinic.Summaries");
    private static readonly HybridCacheEntryOptions Options = new() { Expiration = TimeSpan.FromMinutes(5), LocalCacheExpiration = TimeSpan.FromMinutes(1) };

    public async Task<PatientSummary?> GetAsync(string hospitalNumber, string ward, CancellationToken ct)
    {
        using var span = Source.StartCacheLookup(Region);
        span.SetCacheSubjectId(pseudonymizer.PseudonymizeCacheSubjectId(hospitalNumber)); // clean precision-pseudonym

        var loaded = false;
        var summary = await cache.GetOrCreateAsync(
            $"patient-summary:{hospitalNumber}",
            async token =>
            {
                loaded = true;
                return await records.ReadSummaryAsync(hospitalNumber, token);
            },
            Options,
            tags: [$"ward:{ward}", $"patient:{hospitalNumber}"],
            cancellationToken: ct);

        var outcome = loaded ? "miss" : "hit";
        span.SetCacheOutcome(outcome); // clean precision-about
        meter.CreateCacheLookupsCounter().Add(1, Region, cacheOutcome: outcome); // clean generated-api
        if (summary is null)
        {
            span.SetCacheNote($"no summary for {hospitalNumber}"); // leak TC1001 generated-api
            return null;
        }

        span.SetCacheEntrySize(summary.ActiveProblems.Count); // clean precision-about
        logger.LogDebug("Summary served on ward {Ward} with {ProblemCount} active problems", summary.Ward, summary.ActiveProblems.Count); // clean precision-about
        return summary;
    }

    public async Task OnPatientUpdatedAsync(string hospitalNumber, string changedByStaffNumber, CancellationToken ct)
    {
        var tag = $"patient:{hospitalNumber}";
        await cache.RemoveByTagAsync(tag, ct);
        logger.LogCacheInvalidatedEvent(Region, cacheNote: $"tag {tag} evicted", cacheSubjectId: pseudonymizer.PseudonymizeCacheSubjectId(hospitalNumber)); // leak TC1001 generated-api
        logger.LogInformation("Summary evicted after an update by {ChangedBy}", changedByStaffNumber); // leak TC1001 direct
    }

    public async Task OnWardClosedAsync(string ward, int patientsMoved, CancellationToken ct)
    {
        await cache.RemoveByTagAsync($"ward:{ward}", ct);
        logger.LogCacheInvalidatedEvent(Region, cacheNote: $"ward {ward} closed, {patientsMoved} moved"); // clean generated-api
    }

    public async Task WarmWardAsync(string ward, IReadOnlyList<string> hospitalNumbers, CancellationToken ct)
    {
        using var span = Source.StartCacheLookup(Region, spanName: "summary.warm");
        var warmed = 0;
        foreach (var hospitalNumber in hospitalNumbers)
        {
            if (await GetAsync(hospitalNumber, ward, ct) is not null)
            {
                warmed++;
            }
        }

        span.SetCacheEntrySize(warmed);
        logger.LogInformation("Warmed ward {Ward}: {Patients}", ward, hospitalNumbers); // leak TC1001 logging-objects
    }
}
