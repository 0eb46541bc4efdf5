using System;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout43.Support;
using PrivacyHoldout43.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout43.Energy;

/// <summary>
/// A household's application for a home upgrade grant (insulation, a heat pump), made through the
/// supplier and, on the council's flexible-eligibility route, declared by the council.
/// </summary>
public sealed record UpgradeGrantApplication(
    string ApplicationId,
    string Uprn,
    string AddressLine1,
    string Postcode,
    string EpcRating,
    char CouncilTaxBand,
    string ApplicantName,
    string ApplicantEmail,
    string InstallerId,
    decimal QuotedCost,
    bool FlexibleEligibilityRoute);

/// <summary>An appeal against a refused grant. A record, so it prints its members.</summary>
public sealed record GrantRefusalAppeal(string ApplicationId, string ApplicantEmail, string Statement, DateTimeOffset ReceivedAt);

/// <summary>A retrofit assessor of the installer, a named person who visits the home.</summary>
public sealed record Surveyor(string AssessorId, string DisplayName, string Company);

public interface ISurveyRota
{
    Task<Surveyor> NextAvailableAsync(string postcodeDistrict, CancellationToken cancellationToken);
}

public interface ICouncilDeclarations
{
    Task<string> RequestDeclarationAsync(string uprn, string applicationId, CancellationToken cancellationToken);
}

public sealed class UpgradeGrantService(
    ICouncilDeclarations councils,
    ISurveyRota rota,
    ActivitySource source,
    ILogger<UpgradeGrantService> logger,
    TelemetrySecrets secrets,
    System.Diagnostics.Metrics.Meter meter)
{
    public async Task AssessAsync(UpgradeGrantApplication application, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("grant.application.id", application.ApplicationId); // clean direct
        activity?.SetTag("grant.epc_rating", application.EpcRating); // clean precision-about
        activity?.SetTag("grant.council_tax_band", application.CouncilTaxBand.ToString()); // clean precision-about
        activity?.SetTag("grant.property.uprn", application.Uprn); // leak TC1001 direct
        activity?.SetTag("grant.postcode_district", application.Postcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag("grant.installer", application.InstallerId); // clean direct

        // Spread the survey workload over eight regional queues, keyed so that a property always lands in the same one.
        var queue = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(application.Uprn))[0] % 8;
        activity?.SetTag("grant.survey_queue", queue); // clean hashes

        var duplicateKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(application.Uprn + "|" + application.Postcode)));
        logger.LogDebug("Duplicate check key {DuplicateKey}", duplicateKey); // leak TC1002 hashes
        logger.LogInformation("Grant {ApplicationId} for {Address}, {Postcode}", application.ApplicationId, application.AddressLine1, application.Postcode); // leak TC1001 direct

        if (application.FlexibleEligibilityRoute)
        {
            using var check = source.StartAgencyCheck("local-authority", "flexible-eligibility");
            try
            {
                var declaration = await councils.RequestDeclarationAsync(application.Uprn, application.ApplicationId, cancellationToken);
                check.SetAgencyResult("declared"); // clean direct
                logger.LogInformation("Council declaration {DeclarationId} for {ApplicationId}", declaration, application.ApplicationId); // clean cross-member
            }
            catch (TimeoutException)
            {
                check.SetAgencyReason($"declaration pending for {application.Uprn}"); // leak TC1001 generated-api
            }
        }
    }

    public async Task BookSurveyAsync(UpgradeGrantApplication application, CancellationToken cancellationToken)
    {
        var surveyor = await rota.NextAvailableAsync(application.Postcode.Split(' ')[0], cancellationToken);
        logger.LogInformation("Survey for {ApplicationId} booked with {Surveyor} of {Company}", application.ApplicationId, surveyor.DisplayName, surveyor.Company); // leak TC1001 cross-member
    }

    public void Refuse(UpgradeGrantApplication application, string reasonCode)
    {
        var span = Activity.Current.EnrichCaseworkCase("upgrade-grant");
        span.AddCaseworkDecisionRecordedEvent("refused", caseworkNote: reasonCode); // clean generated-api
        meter.CreateCaseworkDecisionsCounter().Add(1, "upgrade-grant", $"refused:{application.Postcode}"); // leak TC1003 generated-api
    }

    public void AppealReceived(GrantRefusalAppeal appeal)
    {
        logger.LogInformation("Appeal received {Appeal}", appeal); // leak TC1001 logging-objects
        Activity.Current?.SetTag("grant.appeal.statement_length", appeal.Statement.Length); // clean precision-about
    }
}
