using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout35.Support;
using PrivacyHoldout35.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout35.Healthcare;

public sealed record CohortMember(string NhsNumber, string FamilyName, DateOnly DateOfBirth, string? Postcode, string PrimaryDiagnosis);

public sealed record RegisteredDeath(string? NhsNumber, string FamilyName, DateOnly DateOfBirth, string? Postcode, DateOnly DateOfDeath, string UnderlyingCause);

public sealed record LinkedRecord(string StudyToken, string AgeBand, string? OutwardDistrict, string PrimaryDiagnosis, int? DaysToDeath, string LinkMethod);

public sealed class LinkageConflictException(string message) : Exception(message);

public interface ICohortSource
{
    Task<IReadOnlyList<CohortMember>> LoadCohortAsync(string studyId, CancellationToken cancellationToken);

    Task<IReadOnlyList<RegisteredDeath>> LoadRegisterExtractAsync(DateOnly from, CancellationToken cancellationToken);
}

/// <summary>
/// Builds a research extract: links a study cohort to the mortality register (deterministic on NHS
/// number, probabilistic on name, date of birth and postcode), replaces identifiers with study tokens,
/// suppresses small cells in the summary table and lands both files in the research area of the lake.
/// </summary>
public sealed class MortalityLinkageExtract(
    ICohortSource source,
    IDataLakeClient lake,
    IExpectationSuiteRunner expectations,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    TimeProvider clock,
    ILogger<MortalityLinkageExtract> logger)
{
    private const int SmallCellThreshold = 5;
    private static readonly ActivitySource Source = new("Clinic.Research.Extracts");
    private static readonly Meter Meter = new("Clinic.Research.Extracts");
    private static readonly Counter<long> Links = Meter.CreateCounter<long>("research.links", "{link}");

    public async Task<Uri> BuildAsync(string studyId, DateOnly followUpFrom, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("research.extract.build");
        activity?.SetTag("research.study", studyId); // clean direct

        var cohort = await source.LoadCohortAsync(studyId, cancellationToken);
        var register = await source.LoadRegisterExtractAsync(followUpFrom, cancellationToken);
        var byNhsNumber = register.Where(d => d.NhsNumber is not null).ToLookup(d => d.NhsNumber!);

        var quality = await expectations.RunAsync("cohort_identifiers", "research.cohort", cohort, cancellationToken);
        foreach (var failed in quality.Results.Where(r => !r.Success))
        {
            using var check = Source.StartDqRun(failed.ExpectationType);
            check.SetDqColumn(failed.Column).SetDqFailed(failed.UnexpectedCount); // clean precision-names
            check.SetDqSample(string.Join(", ", failed.PartialUnexpectedList.Take(5))); // leak TC1001 generated-api
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var linked = new List<LinkedRecord>();
        foreach (var member in cohort)
        {
            RegisteredDeath? death = null;
            var method = "none";
            try
            {
                death = LinkDeterministic(member, byNhsNumber);
                method = death is null ? "none" : "deterministic";
            }
            catch (LinkageConflictException ex)
            {
                logger.LogWarning(ex, "Linkage conflict in study {Study}; member left unlinked", studyId); // leak TC1001 exceptions
                activity?.AddEvent(new ActivityEvent("research.link.conflict", tags: new ActivityTagsCollection { ["error.type"] = ex.GetType().Name })); // clean exceptions
                continue;
            }

            if (death is null)
            {
                var (candidate, score) = BestProbabilisticMatch(member, register);
                if (candidate is not null && score >= 0.92)
                {
                    death = candidate;
                    method = "probabilistic";
                    logger.LogDebug("Probabilistic link {Score:F2}: {CohortName} ~ {RegisterName}", score, member.FamilyName, candidate.FamilyName); // leak TC1001 direct
                }
            }

            Links.Add(1, new KeyValuePair<string, object?>("method", method)); // clean precision-about
            if (death is not null)
            {
                Meter.CreatePipelineLinkageMatchesCounter().Add(1, "ons.deaths", pseudonymizer.PseudonymizePipelineSubjectId(member.NhsNumber)); // leak TC1003 precision-pseudonym
                logger.LogDebug("Linked {PatientRef} via {Method}", pseudonymizer.ComputePipelineSubjectId(member.NhsNumber), method); // clean precision-pseudonym
            }

            var token = StudyToken(studyId, member.NhsNumber);
            linked.Add(new LinkedRecord(
                token,
                AgeBands.Of(member.DateOfBirth, today),
                Postcodes.OutwardOf(member.Postcode),
                member.PrimaryDiagnosis,
                death is null ? null : death.DateOfDeath.DayNumber - followUpFrom.DayNumber,
                method));

            if (linked.Count == 1)
            {
                activity?.SetTag("research.token.sample", token); // clean hashes
                activity?.SetTag("research.token.v2019", LegacyStudyToken(member.NhsNumber)); // leak TC1002 hashes
            }
        }

        var summary = linked
            .GroupBy(r => (r.OutwardDistrict ?? "UNK", r.AgeBand, Died: r.DaysToDeath is not null))
            .Select(g => (Cell: $"{g.Key.Item1}/{g.Key.AgeBand}/{(g.Key.Died ? "died" : "alive")}", Count: g.Count()))
            .ToList();
        var suppressed = summary.Where(c => c.Count < SmallCellThreshold).Select(c => c.Cell).ToList();
        activity?.SetTag("research.cells.suppressed", suppressed.Count); // clean precision-about
        logger.LogInformation("Suppressed cells below {Threshold}: {Cells}", SmallCellThreshold, string.Join("; ", suppressed)); // clean strings

        var path = $"research/{studyId}/linked-{today:yyyyMMdd}.csv";
        using var buffer = new MemoryStream();
        using (var csv = new CsvFileWriter(new StreamWriter(buffer, leaveOpen: true)))
        {
            csv.WriteHeader(["study_token", "age_band", "district", "diagnosis", "days_to_death", "link_method"]);
            foreach (var record in linked)
            {
                csv.WriteRecord([record.StudyToken, record.AgeBand, record.OutwardDistrict, record.PrimaryDiagnosis, record.DaysToDeath?.ToString(), record.LinkMethod]);
            }
        }

        buffer.Position = 0;
        var uri = await lake.UploadAsync(path, buffer, overwrite: true, cancellationToken);
        logger.LogInformation("Research extract for {Study} written to {Uri} ({Rows} rows)", studyId, uri, linked.Count); // clean strings
        return uri;
    }

    private static RegisteredDeath? LinkDeterministic(CohortMember member, ILookup<string, RegisteredDeath> byNhsNumber)
    {
        var candidates = byNhsNumber[member.NhsNumber].ToList();
        if (candidates.Count > 1)
        {
            throw new LinkageConflictException($"{candidates.Count} register entries carry NHS number {member.NhsNumber}");
        }

        return candidates.SingleOrDefault();
    }

    private static (RegisteredDeath? Candidate, double Score) BestProbabilisticMatch(CohortMember member, IReadOnlyList<RegisteredDeath> register) =>
        register
            .Where(d => d.DateOfBirth == member.DateOfBirth)
            .Select(d => (Candidate: (RegisteredDeath?)d, Score: StringSimilarity.JaroWinkler(d.FamilyName, member.FamilyName) * (d.Postcode == member.Postcode ? 1.0 : 0.95)))
            .OrderByDescending(x => x.Score)
            .FirstOrDefault();

    /// <summary>A keyed token: HMAC with the service's pseudonym key, per study.</summary>
    private string StudyToken(string studyId, string nhsNumber) =>
        Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes($"{studyId}\u001F{nhsNumber}")))[..24];

    /// <summary>The token the 2019 extracts used, kept so that old and new extracts can be joined.</summary>
    private static string LegacyStudyToken(string nhsNumber) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(nhsNumber + "|study-2019")))[..24];
}
