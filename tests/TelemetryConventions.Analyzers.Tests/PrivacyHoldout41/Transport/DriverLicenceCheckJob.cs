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

namespace PrivacyHoldout41.Transport;

/// <summary>A bus driver due for the six-monthly licence check.</summary>
public sealed record DriverDue(string StaffNumber, string Depot, string LicenceNumber, string FamilyName, DateOnly DateOfBirth, string? DqcNumber);

/// <summary>What the licence-check provider returns from the DVLA.</summary>
public sealed record LicenceSummary(string Status, int PenaltyPoints, IReadOnlyList<string> EndorsementCodes, bool HasD1OrD, DateOnly? CpcExpiry);

public interface ILicenceCheckProvider
{
    Task<LicenceSummary> CheckAsync(string licenceNumber, string familyName, CancellationToken cancellationToken);
}

/// <summary>The licence-check provider's error: its code and the provider's fixed text ("Licence not found").</summary>
public sealed class LicenceCheckProviderException(string code, string text) : Exception($"{code}: {text}")
{
    public string Code { get; } = code;
}

/// <summary>Thrown when the DVLA record does not allow the driver to drive a bus.</summary>
public sealed class DriverNotEntitledException(string staffNumber, string licenceNumber)
    : Exception($"Driver {staffNumber} (licence {licenceNumber}) holds no D or D1 entitlement.");

public interface IDriverRoster
{
    Task<IReadOnlyList<DriverDue>> DueForCheckAsync(DateOnly today, CancellationToken cancellationToken);

    Task StandDownAsync(string staffNumber, string reasonCode, CancellationToken cancellationToken);
}

/// <summary>
/// Checks the driving licences of the operator's bus drivers with the DVLA, through a licence-check
/// provider, and stands down a driver who is no longer entitled to drive a bus.
/// </summary>
public sealed partial class DriverLicenceCheckJob(
    ILicenceCheckProvider provider,
    IDriverRoster roster,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<DriverLicenceCheckJob> logger)
{
    private static readonly ActivitySource Source = new("Operator.Drivers.LicenceChecks");

    public async Task RunAsync(DateOnly today, CancellationToken cancellationToken)
    {
        foreach (var driver in await roster.DueForCheckAsync(today, cancellationToken))
        {
            using var span = Source.StartRecruitmentScreening("licence_check");
            var activity = Activity.Current;
            activity?.SetTag("driver.depot", driver.Depot); // clean precision-names
            activity?.SetTag("driver.licence_number", driver.LicenceNumber); // leak TC1001 direct
            activity?.SetTag("driver.cache_key", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(driver.LicenceNumber)))); // leak TC1002 hashes
            activity?.SetTag("driver.shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(driver.LicenceNumber))[0] & 7); // clean hashes
            activity?.SetTag("driver.age", today.Year - driver.DateOfBirth.Year - (today.DayOfYear < driver.DateOfBirth.DayOfYear ? 1 : 0)); // clean precision-about
            activity?.SetTag("driver.has_dqc", driver.DqcNumber is not null); // clean precision-about

            try
            {
                var summary = await provider.CheckAsync(driver.LicenceNumber, driver.FamilyName, cancellationToken);
                activity?.SetTag("driver.penalty_points", summary.PenaltyPoints); // clean precision-about
                activity?.SetTag("driver.endorsements", string.Join(",", summary.EndorsementCodes)); // clean precision-about
                if (!summary.HasD1OrD)
                {
                    throw new DriverNotEntitledException(driver.StaffNumber, driver.LicenceNumber);
                }
                if (summary.CpcExpiry is { } cpcExpiry && cpcExpiry < today.AddMonths(3))
                {
                    logger.LogWarning("Driver CPC on card {DqcNumber} expires {Expiry}; book periodic training", driver.DqcNumber, cpcExpiry); // leak TC1001 direct
                }
                if (summary.PenaltyPoints >= 6)
                {
                    PointsReview(logger, driver.StaffNumber, summary.PenaltyPoints); // leak TC1001 cross-member
                }
                span.AddRecruitmentCheckCompletedEvent("licence_check", recruitmentStage: "in_employment", recruitmentNote: $"{summary.PenaltyPoints} points"); // clean generated-api
            }
            catch (LicenceCheckProviderException ex)
            {
                span.RecordException(ex, includeMessage: true); // clean exceptions
                logger.LogWarning(ex, "Licence check for a {Depot} driver failed", driver.Depot); // clean exceptions
            }
            catch (DriverNotEntitledException ex)
            {
                await roster.StandDownAsync(driver.StaffNumber, "licence", cancellationToken);
                span.SetRecruitmentNote(ex.Message); // leak TC1001 exceptions
                span.RecordException(ex); // clean exceptions
                logger.LogCritical(ex, "Driver stood down"); // leak TC1001 exceptions
                StoodDown(logger, pseudonymizer.ComputeWorkforceEmployeeId(driver.StaffNumber), driver.Depot); // clean precision-pseudonym
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Driver {StaffNumber} has {Points} penalty points; refer to the depot manager")]
    private static partial void PointsReview(ILogger logger, string staffNumber, int points);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Driver {DriverRef} at {Depot} stood down: no bus entitlement")]
    private static partial void StoodDown(ILogger logger, string driverRef, string depot);
}
