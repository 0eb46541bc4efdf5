using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout29.Support.Hosting;
using PrivacyHoldout29.Support.Kyc;
using PrivacyHoldout29.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout29.Energy;

/// <summary>A new occupier taking over the supply at a property (change of tenancy).</summary>
public sealed record MoveIn(string Mpan, string FirstName, string LastName, DateOnly DateOfBirth, string Email, string Postcode, DateOnly MoveInDate);

public sealed record PendingVerification(string CheckId, string ApplicantId, string Mpan, string AccountNumber);

public interface IPendingVerifications
{
    Task AddAsync(PendingVerification pending, CancellationToken cancellationToken);

    Task<PendingVerification?> ByCheckAsync(string checkId, CancellationToken cancellationToken);
}

/// <summary>Identity checks on new occupiers before a credit account is opened, and the provider's completion webhook.</summary>
public sealed class MoveInVerification(IKycClient kyc, IPendingVerifications pending, Pseudonymizer pseudonymizer, ILogger<MoveInVerification> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Onboarding");

    public async Task StartAsync(MoveIn moveIn, string accountNumber, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("kyc.start");
        activity?.SetTag("supply.mpan.distributor", moveIn.Mpan[..2]); // clean precision-about
        activity?.SetTag("supply.postcode.district", moveIn.Postcode.Split(' ')[0]); // clean precision-about
        try
        {
            var applicant = await kyc.CreateApplicantAsync(moveIn.FirstName, moveIn.LastName, moveIn.DateOfBirth, moveIn.Email, cancellationToken);
            var check = await kyc.CreateCheckAsync(applicant.Id, ["identity_enhanced"], cancellationToken);
            await pending.AddAsync(new PendingVerification(check.Id, applicant.Id, moveIn.Mpan, accountNumber), cancellationToken);
            activity?.SetTag("kyc.check", check.Id); // clean precision-names
            logger.LogInformation("Identity check {CheckId} started for the move-in at {Mpan}", check.Id, moveIn.Mpan); // leak TC1001 direct
        }
        catch (KycApiException ex) when (ex.Type == "validation_error")
        {
            activity?.SetTag("kyc.invalid_fields", string.Join(",", ex.Fields.Keys)); // clean precision-names
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Identity check refused: {Type} ({Code})", ex.Type, ex.ResponseCode); // clean exceptions
        }
    }

    public async Task OnWebhookAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        var hook = JsonSerializer.Deserialize<KycWebhook>(request.Body)!;
        var payload = hook.Payload;
        using var span = Source.StartDsrWorkflow("identity-verification");
        span.SetDsrStep($"{payload.ResourceType}.{payload.Action}");
        Activity.Current?.SetTag("kyc.webhook.href", payload.Href); // clean precision-names

        var verification = await pending.ByCheckAsync(payload.ObjectId, cancellationToken);
        if (verification is null)
        {
            logger.LogWarning("Webhook for unknown check {CheckId}", payload.ObjectId); // clean precision-names
            return;
        }

        var check = await kyc.GetCheckAsync(verification.CheckId, cancellationToken);
        span.SetDsrSubjectId(pseudonymizer.PseudonymizeDsrSubjectId(verification.AccountNumber)); // clean precision-pseudonym
        span.SetDsrNote($"check {check.Result} for account {verification.AccountNumber}"); // leak TC1001 generated-api
        logger.LogInformation("Move-in check complete: {@Verification}", verification); // leak TC1001 logging-objects
        logger.LogInformation("Move-in check {CheckId}: {Status}/{Result}, {Reports} reports", check.Id, check.Status, check.Result, check.ReportIds.Count); // clean precision-about
    }
}
