using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout45.Support;
using PrivacyHoldout45.Support.OpenBanking;
using PrivacyHoldout45.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout45.Education;

// Hardship bursaries: a student applies, and instead of uploading three months of statements links
// their (or a parent's) current account through open banking. The bursary office reads income and
// outgoings from the transactions, scores the application and pays the bursary in instalments.

public sealed record BursaryApplication(
    string ApplicationId,
    string StudentNumber,
    string StudentName,
    string? ParentEmail,
    string HouseholdKind,
    string ProviderId);

public sealed record BursaryAssessment(string ApplicationId, decimal MonthlyIncome, decimal MonthlyOutgoings, int IncomeSources, string Band);

public sealed class BursaryOptions
{
    public required string RedirectUri { get; init; }

    public int ConsentDays { get; init; } = 7;

    public decimal FullAwardThreshold { get; init; } = 1250m;
}

public sealed class BursaryOpenBankingService(
    IOpenBankingClient openBanking,
    IOptions<BursaryOptions> options,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<BursaryOpenBankingService> logger)
{
    public async Task<AccountAccessConsent> StartAsync(BursaryApplication application, CancellationToken cancellationToken)
    {
        var consent = await openBanking.CreateConsentAsync(
            new ConsentRequest(application.ProviderId, ["ReadAccountsDetail", "ReadTransactionsDetail"], DateTimeOffset.UtcNow.AddDays(options.Value.ConsentDays), options.Value.RedirectUri),
            cancellationToken);

        var activity = Activity.Current;
        activity?.SetTag("openbanking.consent.id", consent.ConsentId); // clean precision-about
        activity?.SetTag("openbanking.provider", application.ProviderId); // clean precision-about
        activity?.SetTag("bursary.household.kind", application.HouseholdKind); // clean precision-names
        if (application.ParentEmail is { } parentEmail)
        {
            activity?.SetTag("bursary.parent.email", parentEmail); // leak TC1001 direct
            activity?.SetTag("bursary.parent.email_domain", parentEmail[(parentEmail.IndexOf('@') + 1)..]); // clean precision-about
        }

        return consent;
    }

    public async Task<BursaryAssessment> CompleteAsync(BursaryApplication application, string consentId, string code, CancellationToken cancellationToken)
    {
        var span = Activity.Current.EnrichLendingApplication("hardship-bursary");
        span.SetLendingBorrowerId(pseudonymizer.PseudonymizeLendingBorrowerId(application.StudentNumber)); // clean precision-pseudonym

        TokenSet tokens;
        try
        {
            tokens = await openBanking.ExchangeCodeAsync(consentId, code, cancellationToken);
        }
        catch (OpenBankingException ex)
        {
            logger.LogWarning(ex, "Consent {ConsentId} was not authorised ({ErrorCode})", consentId, ex.ErrorCode); // clean exceptions
            throw;
        }

        logger.LogDebug("Token for consent {ConsentId}: {AccessToken} ({Scope}, {ExpiresIn}s)", consentId, tokens.AccessToken, tokens.Scope, tokens.ExpiresIn); // leak TC1001 direct

        var accounts = await openBanking.GetAccountsAsync(tokens.AccessToken, cancellationToken);
        logger.LogInformation("Linked {AccountCount} accounts: {@Accounts}", accounts.Count, accounts); // leak TC1001 logging-objects
        foreach (var account in accounts)
        {
            Activity.Current?.AddEvent(new ActivityEvent("openbanking.account.linked", tags: new ActivityTagsCollection { ["account.type"] = account.AccountType, ["account.currency"] = account.Currency, ["account.sort_code"] = account.SortCode })); // clean precision-about
        }

        var since = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(-3));
        var transactions = new List<BankTransaction>();
        foreach (var account in accounts)
        {
            transactions.AddRange(await openBanking.GetTransactionsAsync(tokens.AccessToken, account.AccountId, since, cancellationToken));
        }

        var income = transactions.Where(t => t.Amount > 0 && t.Category is "income" or "benefits").Sum(t => t.Amount) / 3;
        var outgoings = -transactions.Where(t => t.Amount < 0).Sum(t => t.Amount) / 3;
        var largestCredit = transactions.Where(t => t.Amount > 0).MaxBy(t => t.Amount);
        if (largestCredit is not null)
        {
            // Credits are named by the payer: a parent's name, an employer, "DWP UC".
            logger.LogDebug("Largest credit {Amount} '{Description}'", largestCredit.Amount, largestCredit.Description); // leak TC1001 direct
        }

        var band = income < options.Value.FullAwardThreshold ? "full" : income < 2 * options.Value.FullAwardThreshold ? "partial" : "none";
        var assessment = new BursaryAssessment(application.ApplicationId, income, outgoings, transactions.Where(t => t.Amount > 0).Select(t => t.Category).Distinct().Count(), band);
        logger.LogInformation("Assessment {@Assessment}", assessment); // clean logging-objects

        span.SetLendingDecision(band == "none" ? LendingDecision.Decline : LendingDecision.Approve);
        span.SetLendingNote($"assessed for {application.StudentName}: band {band}"); // leak TC1001 generated-api

        // Assessors second-check one application in four; the cohort must be stable per student.
        var cohort = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(application.StudentNumber))[0] % 4;
        Activity.Current?.SetTag("bursary.qa.cohort", cohort); // clean hashes
        Activity.Current?.SetTag("bursary.qa.legacy_cohort", application.StudentNumber.GetHashCode() & 3); // leak TC1002 hashes
        return assessment;
    }
}
