using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout41.Support;
using PrivacyHoldout41.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout41.Education;

/// <summary>A timesheet claim of an hourly-paid lecturer, approved by the head of department.</summary>
public sealed record TeachingClaim(string ClaimId, string PayrollNumber, string ModuleCode, decimal Hours, decimal Rate, string ApprovedByEmail, DateOnly TaughtOn);

public interface ITeachingClaims
{
    Task<IReadOnlyList<TeachingClaim>> ApprovedSinceAsync(DateOnly cutOff, CancellationToken cancellationToken);
}

/// <summary>
/// Exports approved teaching claims to the payroll bureau as a CSV, one line per claim, before the
/// monthly cut-off.
/// </summary>
public sealed partial class HourlyPaidClaimExport(ITeachingClaims claims, IBlobContainer outbox, Pseudonymizer pseudonymizer, ILogger<HourlyPaidClaimExport> logger)
{
    private static readonly ActivitySource Source = new("University.Payroll.HourlyPaid");

    public async Task ExportAsync(DateOnly cutOff, CancellationToken cancellationToken)
    {
        using var run = Source.StartWorkforcePayrollRun("hourly-paid-lecturers");
        var approved = await claims.ApprovedSinceAsync(cutOff, cancellationToken);
        run.SetWorkforceRecordCount(approved.Count); // clean precision-about

        var lines = new List<string> { "payroll_number,element,hours,rate,taught_on" };
        foreach (var claim in approved)
        {
            using var item = Source.StartActivity("hpl.claim");
            item?.SetBaggage("hr.claim_id", claim.ClaimId); // clean precision-names
            item?.SetTag("hr.upload_lane", (claim.PayrollNumber.GetHashCode() & 0x7fffffff) % 4); // leak TC1002 hashes
            if (claim.Hours <= 0 || claim.Hours > 12)
            {
                var line = $"{claim.PayrollNumber},HPL,{claim.Hours},{claim.Rate},{claim.TaughtOn:yyyy-MM-dd}";
                logger.LogWarning("Rejected export line: {Line}", line); // leak TC1001 strings
                run.AddWorkforceRecordRejectedEvent($"claim {claim.ClaimId}: {claim.Hours} hours on one day", workforceEmployeeId: pseudonymizer.PseudonymizeWorkforceEmployeeId(claim.PayrollNumber)); // clean precision-pseudonym
                continue;
            }

            // The bureau's import API reads the payroll number from baggage to route the line to the right payroll.
            item?.SetBaggage("hr.payroll_number", claim.PayrollNumber); // leak TC1001 direct
            lines.Add(string.Join(',', claim.PayrollNumber, "HPL", claim.Hours.ToString(CultureInfo.InvariantCulture), claim.Rate.ToString(CultureInfo.InvariantCulture), claim.TaughtOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            ClaimExported(logger, claim.ClaimId, claim.ModuleCode, claim.Hours); // clean precision-names
            ApprovedBy(logger, claim.ClaimId, claim.ApprovedByEmail); // leak TC1001 cross-member
        }

        run.SetWorkforceNote($"{lines.Count - 1} lines for {approved.Select(c => c.ModuleCode).Distinct().Count()} modules"); // clean precision-about

        using var csv = new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        var uri = await outbox.UploadAsync($"hpl/{cutOff:yyyy-MM}.csv", csv, cancellationToken);
        logger.LogInformation("Export uploaded to {Uri}", uri); // clean precision-names
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Claim {ClaimId} exported: {ModuleCode}, {Hours} hours")]
    private static partial void ClaimExported(ILogger logger, string claimId, string moduleCode, decimal hours);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Claim {ClaimId} was approved by {Approver}")]
    private static partial void ApprovedBy(ILogger logger, string claimId, string approver);
}
