using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout3.Support;
using PrivacyHoldout3.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout3.Healthcare;

public sealed class PatientChart
{
    public int Id { get; set; }

    public required string HospitalNumber { get; set; }

    public required string FamilyName { get; set; }

    public string? NhsNumber { get; set; }

    public string WardCode { get; set; } = "A1";

    public List<string> Allergies { get; } = new();

    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class ChartNotFoundException(string hospitalNumber)
    : Exception($"No chart for hospital number {hospitalNumber}")
{
    public string HospitalNumber { get; } = hospitalNumber;
}

public sealed class ChartDbContext : DbContext
{
    public required DbSet<PatientChart> Charts { get; init; }

    public override Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => Task.FromResult(1);
}

public sealed partial class PatientChartRepository(ChartDbContext db, ILogger<PatientChartRepository> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Hospital.Charts");

    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Loaded chart {@Chart}")]
    private static partial void LogChartLoaded(ILogger logger, PatientChart chart);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Chart for {HospitalNumber} updated with {AllergyCount} allergies")]
    private static partial void LogChartUpdated(ILogger logger, [PersonalData] string hospitalNumber, int allergyCount);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Debug, Message = "Chart cache key {CacheKey}")]
    private static partial void LogCacheKey(ILogger logger, string cacheKey);

    public async Task<PatientChart> GetAsync(string hospitalNumber, CancellationToken ct)
    {
        using var activity = Source.StartActivity("chart.load");
        var chart = await db.Charts.SingleOrDefaultAsync(c => c.HospitalNumber == hospitalNumber, ct)
            ?? throw new ChartNotFoundException(hospitalNumber);

        LogChartLoaded(logger, chart); // leak TC1001 logging-objects
        activity?.SetTag("chart.allergy.count", chart.Allergies.Count); // clean precision-about
        activity?.SetTag("chart.ward", chart.WardCode); // clean precision-names
        return chart;
    }

    public async Task AddAllergyAsync(string hospitalNumber, string allergy, CancellationToken ct)
    {
        var chart = await GetAsync(hospitalNumber, ct);
        chart.Allergies.Add(allergy);
        chart.UpdatedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(ct);

        LogChartUpdated(logger, chart.HospitalNumber, chart.Allergies.Count); // clean logging-objects
        LogCacheKey(logger, ChartCacheKey(chart)); // leak TC1001 cross-member
    }

    public async Task<bool> TryMergeAsync(string survivingNumber, string retiredNumber, CancellationToken ct)
    {
        using var activity = Source.StartActivity("chart.merge");
        try
        {
            var surviving = await GetAsync(survivingNumber, ct);
            var retired = await GetAsync(retiredNumber, ct);
            surviving.Allergies.AddRange(retired.Allergies);
            db.Charts.Remove(retired);
            await db.SaveChangesAsync(ct);
            activity?.SetTag("chart.merge.allergies_moved", retired.Allergies.Count); // clean precision-about
            return true;
        }
        catch (ChartNotFoundException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetTag("error.type", ex.GetType().Name); // clean exceptions
            logger.LogWarning("Merge skipped: {Reason}", ex.Message); // leak TC1001 exceptions
            return false;
        }
    }

    public string LegacyCorrelationKey(PatientChart chart)
    {
        // The old reporting warehouse joins on this; kept until it moves to pseudonyms.
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(chart.NhsNumber ?? chart.HospitalNumber));
        var key = Convert.ToHexString(digest)[..16];
        Activity.Current?.SetTag("chart.correlation", key); // leak TC1002 hashes
        return key;
    }

    public void TagChartOwner(PatientChart chart)
    {
        var keyed = pseudonymizer.ComputeTriagePatientId(chart.HospitalNumber);
        Activity.Current?.SetTag(TriageAttributes.PatientId, keyed); // clean precision-pseudonym
        Activity.Current?.SetTag("patient.family_name", chart.FamilyName); // leak TC1001 direct
    }

    private static string ChartCacheKey(PatientChart chart) => $"chart:{chart.HospitalNumber}:v2";
}
