using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyHoldout62.Support;
using PrivacyHoldout62.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout62.Energy;

public sealed class PaymentPlanOptions
{
    public decimal MaximumMonthlyInstalment { get; set; } = 250m;

    public int MaximumMonths { get; set; } = 24;

    public bool ReferVulnerableCustomers { get; set; } = true;
}

public sealed record PaymentPlanRequest(string AccountNumber, decimal Arrears, int Months, string? Comment);

public sealed record PaymentPlanDecision(string PlanId, string Outcome, decimal MonthlyInstalment, int Months);

/// <summary>
/// A supply account. <c>AccountRef</c> is written by the account service with the generated
/// helper (<c>ComputeBillingAccountId</c>) when the account opens; <c>LegacyRef</c> is the old CRM's
/// reference, which holds the raw account number on accounts migrated before 2023.
/// </summary>
public sealed record SupplyAccount(string AccountNumber, string HolderName, string HolderEmail, string TariffCode, string Region, bool PriorityServices, string AccountRef, string LegacyRef);

public interface ISupplyAccountClient
{
    Task<SupplyAccount> GetAsync(string accountNumber, CancellationToken cancellationToken);
}

public interface IAffordabilityClient
{
    Task<decimal> DisposableIncomeAsync(string accountNumber, string holderEmail, CancellationToken cancellationToken);
}

public sealed class AffordabilityCheckException(string holderEmail, Exception inner)
    : Exception($"Affordability check failed for {holderEmail}", inner);

public interface IPaymentPlanService
{
    Task<Result<PaymentPlanDecision>> RequestAsync(PaymentPlanRequest request, CancellationToken cancellationToken);
}

public sealed class PaymentPlanService(
    ISupplyAccountClient accounts,
    IAffordabilityClient affordability,
    Pseudonymizer pseudonymizer,
    IOptions<PaymentPlanOptions> options,
    ILogger<PaymentPlanService> logger) : IPaymentPlanService
{
    public async Task<Result<PaymentPlanDecision>> RequestAsync(PaymentPlanRequest request, CancellationToken cancellationToken)
    {
        var account = await accounts.GetAsync(request.AccountNumber, cancellationToken);
        using var span = BillingTelemetry.Source.StartBillingPlanRequest(Pseudonym.FromComputed(account.AccountRef)); // clean precision-pseudonym
        span.SetBillingTariffCode(account.TariffCode); // clean cross-member
        Activity.Current?.SetTag("billing.account.legacy_ref", Pseudonym.FromComputed(account.LegacyRef).Value); // leak TC1001 precision-pseudonym
        logger.LogInformation("Payment plan requested: {Months} months for arrears of {Arrears:C}", request.Months, request.Arrears);

        if (account.PriorityServices && options.Value.ReferVulnerableCustomers)
        {
            span.SetBillingPlanOutcome("referred");
            BillingTelemetry.Plans.Add(1, "referred", account.TariffCode); // clean generated-api
            logger.LogInformation("Plan referred to the vulnerable customers team for {Holder}", account.HolderName); // leak TC1001 cross-member
            return Result<PaymentPlanDecision>.Success(new PaymentPlanDecision(Guid.NewGuid().ToString("N"), "referred", 0m, request.Months));
        }

        decimal disposable;
        try
        {
            disposable = await affordability.DisposableIncomeAsync(account.AccountNumber, account.HolderEmail, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            var failure = new AffordabilityCheckException(account.HolderEmail, ex);
            span.RecordException(failure); // clean exceptions
            span.SetStatus(ActivityStatusCode.Error, failure.Message); // leak TC1001 exceptions
            logger.LogWarning(ex, "Affordability service unavailable"); // clean exceptions
            return Result<PaymentPlanDecision>.Failure(new Error("affordability.unavailable", "Try again later."));
        }

        var instalment = Math.Round(request.Arrears / Math.Max(request.Months, 1), 2);
        if (instalment > disposable || instalment > options.Value.MaximumMonthlyInstalment)
        {
            span.SetBillingPlanOutcome("declined");
            BillingTelemetry.Plans.Add(1, $"declined:{account.AccountNumber}", account.TariffCode); // leak TC1003 generated-api
            if (options.Value.ReferVulnerableCustomers)
            {
                span.Activity?.SetTag(BillingAttributes.HolderEmail, account.HolderEmail); // leak TC1001 generated-api
            }
            return Result<PaymentPlanDecision>.Failure(new Error("plan.unaffordable", $"An instalment of {instalment:C} is above what the account can afford."));
        }

        var decision = new PaymentPlanDecision(Guid.NewGuid().ToString("N"), "agreed", instalment, request.Months);
        span.SetBillingPlanOutcome(decision.Outcome);
        BillingTelemetry.Plans.Add(1, decision.Outcome, account.TariffCode); // clean generated-api
        logger.LogInformation("Payment plan {Decision} agreed in region {Region}", decision, account.Region); // clean logging-objects
        if (!string.IsNullOrEmpty(request.Comment))
        {
            span.SetBillingNote($"customer comment ({request.Comment.Length} chars) attached"); // clean generated-api
        }
        return Result<PaymentPlanDecision>.Success(decision);
    }
}
