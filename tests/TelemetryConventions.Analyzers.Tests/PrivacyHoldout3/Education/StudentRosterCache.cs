using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout3.Support;
using PrivacyHoldout3.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout3.Education;

public sealed class Enrolment
{
    public int Id { get; set; }

    public required string StudentNumber { get; init; }

    public required string ModuleCode { get; init; }

    public string? NationalInsuranceNumber { get; init; }

    public string? ParentPhone { get; init; }

    public string CohortId { get; init; } = "2026-A";
}

public sealed class RosterDbContext : DbContext
{
    public required DbSet<Enrolment> Enrolments { get; init; }

    public override Task<int> SaveChangesAsync(CancellationToken cancellationToken = default) => Task.FromResult(1);
}

public sealed class StudentRosterCache(RosterDbContext db, IMemoryCache cache, ILogger<StudentRosterCache> logger, Meter meter)
{
    private readonly Counter<long> _lookups = meter.CreateCounter<long>("roster.lookups");
    private Enrolment? _lastLoaded;

    public async Task<IReadOnlyList<Enrolment>> ForModuleAsync(string moduleCode, CancellationToken ct)
    {
        if (cache.TryGetValue(moduleCode, out var hit) && hit is List<Enrolment> cached)
        {
            _lookups.Add(1, new KeyValuePair<string, object?>("roster.cache", "hit")); // clean direct
            return cached;
        }

        var enrolments = await db.Enrolments.WhereToListAsync(e => e.ModuleCode == moduleCode, ct);
        cache.Set(moduleCode, enrolments, TimeSpan.FromMinutes(10));
        _lastLoaded = enrolments.LastOrDefault();
        _lookups.Add(1, new KeyValuePair<string, object?>("roster.cache", "miss")); // clean direct
        Activity.Current?.SetTag("roster.size", enrolments.Count); // clean precision-about
        Activity.Current?.SetTag("roster.cohorts", string.Join(",", enrolments.Select(e => e.CohortId).Distinct())); // clean precision-names
        return enrolments;
    }

    public void TagLastLoaded()
    {
        if (FindLast(out var student, out var module))
        {
            Activity.Current?.SetTag("roster.last.module", module); // clean cross-member
            Activity.Current?.SetTag("roster.last.student", student); // leak TC1001 cross-member
        }

        var (nino, hasParent) = Identity(_lastLoaded);
        logger.LogInformation("Last loaded enrolment NI {Nino}, parent contact {HasParent}", nino, hasParent); // leak TC1001 cross-member
    }

    public async Task ReportGapsAsync(string moduleCode, CancellationToken ct)
    {
        var roster = await ForModuleAsync(moduleCode, ct);
        string Contact(Enrolment e) => e.ParentPhone ?? "none on file";

        var missing = roster.Where(e => e.ParentPhone is null).ToList();
        logger.LogInformation("{Missing} of {Total} have no parent contact", missing.Count, roster.Count); // clean precision-about
        foreach (var enrolment in roster.Take(3))
        {
            logger.LogDebug("Sample parent contact {Contact}", Contact(enrolment)); // leak TC1001 cross-member
        }

        var csv = roster.Aggregate(new StringBuilder(), (sb, e) => sb.Append(e.StudentNumber).Append(';')).ToString();
        Activity.Current?.AddEvent(new ActivityEvent("roster.exported", tags: new ActivityTagsCollection { ["roster.students"] = csv })); // leak TC1001 strings
    }

    private bool FindLast(out string studentNumber, out string moduleCode)
    {
        studentNumber = _lastLoaded?.StudentNumber ?? string.Empty;
        moduleCode = _lastLoaded?.ModuleCode ?? string.Empty;
        return _lastLoaded is not null;
    }

    private static (string? Nino, bool HasParent) Identity(Enrolment? enrolment) =>
        (enrolment?.NationalInsuranceNumber, enrolment?.ParentPhone is not null);
}
