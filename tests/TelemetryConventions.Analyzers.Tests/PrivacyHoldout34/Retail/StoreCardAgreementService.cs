using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout34.Support.ESign;
using PrivacyHoldout34.Support.Templating;
using PrivacyHoldout34.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout34.Retail;

public sealed record CardApplicant(string CustomerNumber, string FullName, DateOnly DateOfBirth, string Email, string Address, string Postcode);

public sealed record StoreCardOffer(string AgreementNumber, string StoreCardNumber, decimal CreditLimit, decimal Apr, string StoreId, CardApplicant Applicant);

public sealed class AgreementMismatchException(string cardNumber, string agreementNumber)
    : Exception($"Card {cardNumber} is already bound to an agreement other than {agreementNumber}.");

/// <summary>Renders the store-card credit agreement (with its pre-contract information) and sends it for signature.</summary>
public sealed class StoreCardAgreementService(
    ITemplateEngine engine,
    IEnvelopesApi envelopes,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<StoreCardAgreementService> logger)
{
    private const string AccountId = "9e0a5c31-store-card";
    private static readonly ActivitySource Source = new("Retail.StoreCard");
    private readonly Counter<long> _agreements = meter.CreateCounter<long>("storecard.agreements");

    public async Task<string> SendAsync(StoreCardOffer offer, CancellationToken cancellationToken)
    {
        var applicant = offer.Applicant;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["AgreementNumber"] = offer.AgreementNumber, ["CustomerNumber"] = applicant.CustomerNumber }); // leak TC1001 logging-objects
        using var render = Source.StartDocumentRender("storecard-agreement-v12");
        render.SetDocumentKind("credit-agreement");
        render.SetDocumentSubjectId(pseudonymizer.PseudonymizeDocumentSubjectId(applicant.CustomerNumber)); // clean precision-pseudonym

        var cohort = HashCode.Combine(offer.StoreCardNumber) & 7;
        Activity.Current?.SetTag("storecard.layout_cohort", cohort); // leak TC1002 hashes

        RenderResult agreement;
        try
        {
            agreement = await engine.RenderAsync("storecard-agreement-v12", new
            {
                applicant.FullName,
                DateOfBirth = applicant.DateOfBirth.ToString("dd/MM/yyyy"),
                applicant.Address,
                CardNumber = offer.StoreCardNumber,
                offer.CreditLimit,
                offer.Apr,
            }, cancellationToken);
        }
        catch (FormatFilterException ex)
        {
            render.SetDocumentNote($"filter {ex.Filter} failed"); // clean exceptions
            logger.LogError(ex, "Store-card agreement {Agreement} could not be rendered", offer.AgreementNumber); // leak TC1001 exceptions
            throw;
        }

        render.SetDocumentPageCount(agreement.PageCount);
        Activity.Current?.SetTag("storecard.last4", offer.StoreCardNumber[^4..]); // clean precision-about
        Activity.Current?.SetTag("storecard.credit_limit", offer.CreditLimit); // clean precision-about

        var definition = new EnvelopeDefinition
        {
            EmailSubject = $"Your store card agreement {offer.AgreementNumber}",
            Status = "sent",
            Documents = { new Document { Name = "Credit agreement", DocumentBase64 = Convert.ToBase64String(agreement.Pdf) } },
            Recipients = new Recipients { Signers = { new Signer { Email = applicant.Email, Name = applicant.FullName, RoleName = "Borrower", ClientUserId = applicant.CustomerNumber } } },
        };

        using var span = Source.StartEsignEnvelopeSend("docusign");
        span.SetEsignRecipientCount(1);
        var summary = await envelopes.CreateEnvelopeAsync(AccountId, definition, cancellationToken);
        span.SetEsignEnvelopeId(summary.EnvelopeId);
        span.SetEsignNote($"agreement {offer.AgreementNumber}, store {offer.StoreId}"); // clean generated-api
        logger.LogInformation("Agreement {Agreement} sent to {Email}", offer.AgreementNumber, applicant.Email); // leak TC1001 direct
        _agreements.Add(1, new KeyValuePair<string, object?>("store", offer.StoreId), new KeyValuePair<string, object?>("postcode.district", applicant.Postcode.Split(' ')[0])); // clean precision-about
        return summary.EnvelopeId;
    }

    public void Bind(StoreCardOffer offer, string? boundAgreement)
    {
        if (boundAgreement is not null && boundAgreement != offer.AgreementNumber)
        {
            var ex = new AgreementMismatchException(offer.StoreCardNumber, offer.AgreementNumber);
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Agreement {Agreement} rejected: {Error}", offer.AgreementNumber, ex.GetType().Name); // clean exceptions
        }
    }
}
