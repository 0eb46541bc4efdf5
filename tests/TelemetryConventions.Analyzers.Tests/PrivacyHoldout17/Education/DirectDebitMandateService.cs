using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GoCardless;
using GoCardless.Exceptions;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout17.Education;

/// <summary>What a student or their sponsor enters to pay fees in instalments by Direct Debit.</summary>
public sealed record InstalmentPlanRequest(
    string StudentNumber,
    string PlanId,
    int Instalments,
    string AccountHolderName,
    string SortCode,
    string AccountNumber,
    string PayerEmail);

public sealed record MandateResult(bool Created, string? MandateId, string? Problem);

public sealed class FeeAccountNotFoundException(string message) : Exception(message);

public interface IFeeAccounts
{
    Task<string> BankAccountIdForAsync(string studentNumber, InstalmentPlanRequest request, CancellationToken cancellationToken);
}

public sealed class DirectDebitMandateService(GoCardlessClient goCardless, IFeeAccounts feeAccounts, ILogger<DirectDebitMandateService> logger)
{
    private static readonly ActivitySource Source = new("University.Fees.DirectDebit");

    public async Task<MandateResult> SetUpAsync(InstalmentPlanRequest request, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("fees.mandate.setup");
        activity?.SetTag("plan.id", request.PlanId); // clean precision-names
        activity?.SetTag("bank.sort_code", request.SortCode); // clean precision-about
        activity?.SetTag("bank.account_number", request.AccountNumber); // leak TC1001 direct
        activity?.SetTag("bank.account_number_ending", request.AccountNumber[^2..]); // clean precision-about
        logger.LogInformation("Setting up an instalment plan {@Request}", request); // leak TC1001 logging-objects

        try
        {
            var lookup = await goCardless.LookUpBankDetailsAsync(new BankDetailsLookupCreateRequest { BranchCode = request.SortCode, AccountNumber = request.AccountNumber, CountryCode = "GB" }, cancellationToken);
            activity?.SetTag("bank.name", lookup.BankName); // clean precision-about

            var bankAccountId = await feeAccounts.BankAccountIdForAsync(request.StudentNumber, request, cancellationToken);
            var mandate = await goCardless.CreateMandateAsync(new MandateCreateRequest { Scheme = "bacs", CustomerBankAccount = bankAccountId, Metadata = { ["plan"] = request.PlanId } }, cancellationToken);
            activity?.SetTag("mandate.reference", mandate.Reference); // clean precision-names

            var firstInstalmentKey = $"instalment:{request.StudentNumber}:{request.PlanId}:1";
            activity?.SetTag("instalment.idempotency_key", firstInstalmentKey); // leak TC1001 strings
            await goCardless.CreatePaymentAsync(new PaymentCreateRequest { Mandate = mandate.Id, Amount = 0, Currency = "GBP", Description = "Tuition fee instalment 1", IdempotencyKey = firstInstalmentKey }, cancellationToken);
            return new MandateResult(true, mandate.Id, null);
        }
        catch (ValidationFailedException ex)
        {
            // GoCardless answers "Validation failed" with one error per field: {"field":"account_number","message":"is invalid"}.
            logger.LogWarning("Bank details rejected: {Errors}", string.Join("; ", ex.Errors.Select(e => $"{e.Field} {e.Message}"))); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            return new MandateResult(false, null, "bank-details");
        }
        catch (FeeAccountNotFoundException ex)
        {
            logger.LogError(ex, "No fee account for the instalment plan"); // leak TC1001 exceptions
            activity?.SetTag("error.type", nameof(FeeAccountNotFoundException)); // clean exceptions
            return new MandateResult(false, null, "no-fee-account");
        }
    }
}

/// <summary>Finds the fee account of a student; throws when the student number is unknown.</summary>
public sealed class FeeAccounts(IStudentFinance finance) : IFeeAccounts
{
    public async Task<string> BankAccountIdForAsync(string studentNumber, InstalmentPlanRequest request, CancellationToken cancellationToken)
    {
        var account = await finance.FindAsync(studentNumber, cancellationToken)
            ?? throw new FeeAccountNotFoundException($"Student {studentNumber} has no fee account for plan {request.PlanId}");
        return await finance.AddBankAccountAsync(account, request.AccountHolderName, request.SortCode, request.AccountNumber, cancellationToken);
    }
}

public interface IStudentFinance
{
    Task<string?> FindAsync(string studentNumber, CancellationToken cancellationToken);

    Task<string> AddBankAccountAsync(string feeAccountId, string holderName, string sortCode, string accountNumber, CancellationToken cancellationToken);
}
