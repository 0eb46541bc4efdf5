using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout41.Support;
using PrivacyHoldout41.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout41.Healthcare;

/// <summary>A member of clinical staff whose DBS certificate is registered with the update service.</summary>
public sealed record DbsSubscription(string StaffNumber, string FamilyName, DateOnly DateOfBirth, string CertificateNumber, string Workforce, DateOnly LastChecked);

public interface IDbsSubscriptions
{
    Task<IReadOnlyList<DbsSubscription>> DueForRecheckAsync(DateOnly today, CancellationToken cancellationToken);

    Task MarkCheckedAsync(string staffNumber, DbsStatus status, CancellationToken cancellationToken);
}

/// <summary>Thrown when the update service has no certificate for the details the trust holds.</summary>
public sealed class CertificateMismatchException(string certificateNumber, string familyName)
    : Exception($"DBS certificate {certificateNumber} does not match surname {familyName}.");

/// <summary>
/// Rechecks, every night, the DBS certificates of clinical staff that are due, as the trust's
/// safeguarding policy asks. A certificate with new information goes to the safeguarding lead.
/// </summary>
public sealed partial class DbsRecheckWorker(
    IDbsUpdateService updateService,
    IDbsSubscriptions subscriptions,
    ILogger<DbsRecheckWorker> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    TimeProvider time) : BackgroundService
{
    private const string OrganisationName = "Northfield Hospitals NHS Trust";
    private static readonly ActivitySource Source = new("Trust.Workforce.Dbs");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        using var batch = Source.StartActivity("dbs.recheck.batch");
        var due = await subscriptions.DueForRecheckAsync(today, stoppingToken);
        batch?.SetTag("dbs.due", due.Count); // clean precision-about

        foreach (var subscription in due)
        {
            await RecheckAsync(subscription, today, stoppingToken);
        }
    }

    private async Task RecheckAsync(DbsSubscription subscription, DateOnly today, CancellationToken cancellationToken)
    {
        using var check = Source.StartActivity("dbs.recheck");
        check?.SetTag("dbs.certificate", subscription.CertificateNumber); // leak TC1001 direct
        check?.SetTag("dbs.workforce", subscription.Workforce); // clean precision-names
        check?.SetTag("dbs.days_since_last_check", today.DayNumber - subscription.LastChecked.DayNumber); // clean precision-about
        check?.SetTag("dbs.lane", Lane(subscription.StaffNumber)); // clean hashes
        check?.SetTag("dbs.legacy_key", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(subscription.CertificateNumber)))[..12]); // leak TC1002 hashes

        try
        {
            var status = await updateService.CheckStatusAsync(subscription.CertificateNumber, subscription.FamilyName, subscription.DateOfBirth, OrganisationName, cancellationToken);
            check?.SetTag("dbs.status", status.Code); // clean precision-about
            if (status.Code == "NEW_INFO")
            {
                NewInformation(logger, subscription.StaffNumber, subscription.Workforce); // leak TC1001 cross-member
                check?.AddEvent(new ActivityEvent("dbs.new_information", tags: new ActivityTagsCollection { ["staff.ref"] = pseudonymizer.ComputeWorkforceEmployeeId(subscription.StaffNumber) })); // clean precision-pseudonym
            }
            else if (status.Code == "NO_MATCH")
            {
                throw new CertificateMismatchException(subscription.CertificateNumber, subscription.FamilyName);
            }
            await subscriptions.MarkCheckedAsync(subscription.StaffNumber, status, cancellationToken);
        }
        catch (DbsServiceUnavailableException ex)
        {
            check?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "Update service unavailable; the recheck will be retried tomorrow"); // clean exceptions
        }
        catch (CertificateMismatchException ex)
        {
            check?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogError("Recheck failed for a member of staff born {DateOfBirth}", subscription.DateOfBirth); // leak TC1001 direct
            MismatchRecorded(logger, subscription.StaffNumber); // clean cross-member
        }
    }

    private int Lane(string staffNumber)
    {
        var mac = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(staffNumber));
        return mac[0] % 4;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "DBS update service reports new information for {StaffNumber} ({Workforce} workforce)")]
    private static partial void NewInformation(ILogger logger, string staffNumber, string workforce);

    [LoggerMessage(Level = LogLevel.Error, Message = "Certificate details no longer match for {StaffNumber}; HR will ask for a new certificate")]
    private static partial void MismatchRecorded(ILogger logger, [PrivateData] string staffNumber);
}
