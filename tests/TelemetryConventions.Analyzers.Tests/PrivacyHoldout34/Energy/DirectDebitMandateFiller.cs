using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout34.Support.Pdf;
using PrivacyHoldout34.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout34.Energy;

public sealed record BankDetails(string AccountHolder, string SortCode, string AccountNumber, string BankName);

public sealed record MandateRequest(string CustomerAccountNumber, BankDetails Bank, int CollectionDay);

/// <summary>Fills the Direct Debit Instruction form that goes out with the supply contract.</summary>
public sealed class DirectDebitMandateFiller(
    IPdfFormStore forms,
    IRedactorProvider redactors,
    TelemetrySecrets secrets,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<DirectDebitMandateFiller> logger)
{
    private static readonly ActivitySource Source = new("Energy.Contracts");

    public async Task<byte[]> FillAsync(MandateRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartDocumentRender("ddi-form-2024");
        span.SetDocumentKind("direct-debit-instruction");
        span.SetDocumentSubjectId(pseudonymizer.PseudonymizeDocumentSubjectId(request.CustomerAccountNumber)); // clean precision-pseudonym

        var reference = $"DD-{request.CustomerAccountNumber}-{request.CollectionDay:00}";
        using var form = await forms.OpenAsync("ddi-form-2024", cancellationToken);
        form.GetField("account_holder").SetValue(request.Bank.AccountHolder);
        form.GetField("sort_code").SetValue(request.Bank.SortCode);
        form.GetField("account_number").SetValue(request.Bank.AccountNumber);
        form.GetField("reference").SetValue(reference);
        form.GetField("bank_name").SetValue(request.Bank.BankName);

        logger.LogInformation("Mandate reference {Reference} prepared", reference); // leak TC1001 strings
        logger.LogInformation("Mandate for sort code {SortCode} at {Bank}, account ending {Ending}", request.Bank.SortCode, request.Bank.BankName, request.Bank.AccountNumber[^2..]); // clean precision-about
        var redactor = redactors.GetRedactor(DataTaxonomy.PrivateData);
        logger.LogDebug("Mandate account holder {Holder}", redactor.Redact(request.Bank.AccountHolder)); // clean precision-about

        var duplicateCheck = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(request.Bank.SortCode + request.Bank.AccountNumber)));
        span.SetDocumentNote($"bank account fingerprint {duplicateCheck}"); // leak TC1002 hashes
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.Bank.AccountNumber))[0] % 16;
        meter.CreateDocumentRendersCounter().Add(1, documentKind: "direct-debit-instruction", documentOutcome: $"shard-{shard}"); // clean hashes

        Activity.Current?.SetTag("mandate.collection_day", request.CollectionDay);
        Activity.Current?.SetTag("mandate.bank_account", request.Bank.AccountNumber); // leak TC1001 direct
        Activity.Current?.SetTag("mandate.account_holder_length", request.Bank.AccountHolder.Length); // clean precision-about
        return form.Flatten();
    }
}
