using System;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout29.Support.Kyc;
using PrivacyHoldout29.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout29.Gaming;

public enum AgeBand
{
    Under13,
    Teen,
    Adult,
    Unknown,
}

public static partial class AgeAssuranceLog
{
    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "Age check for {Gamertag}: {Band}")]
    public static partial void AgeChecked(ILogger logger, string gamertag, AgeBand band);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Information, Message = "Parental consent requested from {ParentEmail}")]
    public static partial void ParentalConsentRequested(ILogger logger, [PrivateData] string parentEmail);
}

/// <summary>Checks a player's age with a document check before voice chat and the marketplace unlock, and asks a parent for consent under 13.</summary>
public sealed class AgeAssurance(IKycClient kyc, Pseudonymizer pseudonymizer, ILogger<AgeAssurance> logger)
{
    public async Task<AgeBand> CheckAsync(Guid playerId, string gamertag, string applicantId, string? parentEmail, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("age.player.ref", pseudonymizer.ComputeDsrSubjectId(playerId.ToString())); // clean precision-pseudonym
        var check = await kyc.CreateCheckAsync(applicantId, ["document"], cancellationToken);
        var report = await kyc.GetReportAsync(check.ReportIds[0], cancellationToken);
        var band = Band(report.Properties?.DateOfBirth);

        activity?.SetTag("age.band", band.ToString()); // clean precision-about
        activity?.SetTag("age.document.type", report.Properties?.DocumentType);
        activity?.SetTag("age.document.mrz", report.Properties?.MrzLine2); // leak TC1001 direct
        activity?.SetTag("age.document.dob", report.Properties?.DateOfBirth?.ToString("yyyy-MM-dd")); // leak TC1001 direct
        AgeAssuranceLog.AgeChecked(logger, gamertag, band); // leak TC1001 cross-member

        if (band == AgeBand.Under13 && parentEmail is not null)
        {
            AgeAssuranceLog.ParentalConsentRequested(logger, parentEmail); // clean precision-pseudonym
            var legacyKey = Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(parentEmail.ToLowerInvariant())));
            activity?.SetTag("age.parent.key", legacyKey); // leak TC1002 hashes
        }

        return band;
    }

    private static AgeBand Band(DateOnly? dob)
    {
        if (dob is not { } born)
        {
            return AgeBand.Unknown;
        }

        var age = DateTime.UtcNow.Year - born.Year;
        return age < 13 ? AgeBand.Under13 : age < 18 ? AgeBand.Teen : AgeBand.Adult;
    }
}
