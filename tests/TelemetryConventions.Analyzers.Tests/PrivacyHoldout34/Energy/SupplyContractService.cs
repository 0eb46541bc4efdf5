using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout34.Support.ESign;
using PrivacyHoldout34.Support.Templating;
using PrivacyHoldout34.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout34.Energy;

public sealed record SupplyCustomer(string AccountNumber, string FullName, string Email, string SupplyAddress, string Postcode, string Mpan, string MeterSerial);

public sealed record SupplyQuote(Guid QuoteId, string ContractNumber, string TariffCode, decimal UnitRate, decimal StandingCharge, int TermMonths, SupplyCustomer Customer);

public sealed record SupplyContractModel(string ContractNumber, string CustomerName, string SupplyAddress, string Mpan, string TariffCode, decimal UnitRate, decimal StandingCharge, int TermMonths);

/// <summary>Renders the supply contract from the tariff's template and sends it to the customer to sign.</summary>
public sealed class SupplyContractService(
    ITemplateEngine engine,
    IEnvelopesApi envelopes,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<SupplyContractService> logger)
{
    private const string AccountId = "5f0e2b7c-supply-contracts";
    private static readonly ActivitySource Source = new("Energy.Contracts");
    private readonly Counter<long> _contracts = meter.CreateCounter<long>("supply.contracts.sent");
    private readonly Counter<long> _byDistributor = meter.CreateCounter<long>("supply.contracts.by_distributor");

    public async Task<string> SendAsync(SupplyQuote quote, CancellationToken cancellationToken)
    {
        var customer = quote.Customer;
        var model = new SupplyContractModel(quote.ContractNumber, customer.FullName, customer.SupplyAddress, customer.Mpan, quote.TariffCode, quote.UnitRate, quote.StandingCharge, quote.TermMonths);

        RenderResult contract;
        using (var render = Source.StartDocumentRender($"supply-contract-{quote.TariffCode}"))
        {
            render.SetDocumentKind("supply-contract");
            render.SetDocumentSubjectId(pseudonymizer.PseudonymizeDocumentSubjectId(customer.AccountNumber)); // clean precision-pseudonym
            contract = await engine.RenderAsync($"supply-contract-{quote.TariffCode}", model, cancellationToken);
            render.SetDocumentPageCount(contract.PageCount);
            if (contract.UnresolvedPlaceholders.Count > 0)
            {
                render.AddDocumentFieldUnresolvedEvent($"supply-contract-{quote.TariffCode}", documentNote: $"{customer.Mpan}: {string.Join(",", contract.UnresolvedPlaceholders)}"); // leak TC1001 generated-api
            }
        }

        var envelope = new EnvelopeDefinition
        {
            EmailSubject = $"Your {quote.TariffCode} supply contract {quote.ContractNumber}",
            Status = "sent",
            Documents = { new Document { Name = $"Supply contract {quote.ContractNumber}", DocumentBase64 = Convert.ToBase64String(contract.Pdf) } },
            Recipients = new Recipients { Signers = { new Signer { Email = customer.Email, Name = customer.FullName, RoleName = "Customer" } } },
            CustomFields = new CustomFields
            {
                TextCustomFields =
                {
                    new TextCustomField { Name = "contract_number", Value = quote.ContractNumber },
                    new TextCustomField { Name = "account_number", Value = customer.AccountNumber },
                    new TextCustomField { Name = "mpan", Value = customer.Mpan },
                },
            },
        };

        using var span = Source.StartEsignEnvelopeSend("docusign");
        span.SetEsignSignerId(pseudonymizer.PseudonymizeEsignSignerId(customer.AccountNumber)); // clean precision-pseudonym
        logger.LogInformation("Sending supply contract: {Subject}", envelope.EmailSubject); // clean strings
        logger.LogDebug("Supply contract custom fields {Fields}", envelope.CustomFields.TextCustomFields); // leak TC1001 logging-objects

        EnvelopeSummary summary;
        try
        {
            summary = await envelopes.CreateEnvelopeAsync(AccountId, envelope, cancellationToken);
        }
        catch (ApiException ex) when (ex.ErrorCode == 400)
        {
            span.SetEsignNote(ex.Message); // clean exceptions
            logger.LogWarning("Supply contract for {Email} rejected by the provider", customer.Email); // leak TC1001 direct
            throw;
        }

        span.SetEsignEnvelopeId(summary.EnvelopeId);
        var domain = customer.Email.Split('@')[1];
        _contracts.Add(1, new KeyValuePair<string, object?>("tariff", quote.TariffCode), new KeyValuePair<string, object?>("email.domain", domain)); // clean precision-about
        _byDistributor.Add(1, new KeyValuePair<string, object?>("distributor", customer.Mpan[..2])); // clean precision-about
        Activity.Current?.SetTag("supply.meter.model", customer.MeterSerial[..3]); // clean precision-about
        Activity.Current?.SetTag("supply.meter.serial", customer.MeterSerial); // leak TC1001 direct
        logger.LogInformation("Contract {ContractNumber} sent as envelope {EnvelopeId} for {Postcode}", quote.ContractNumber, summary.EnvelopeId, customer.Postcode); // leak TC1001 direct
        return summary.EnvelopeId;
    }
}
