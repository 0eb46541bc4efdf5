using System;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout41.Support;
using PrivacyHoldout41.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout41.Energy;

/// <summary>Thrown when a mileage claim names a car the employee has not registered for business use.</summary>
public sealed class UnregisteredVehicleException(string registration, string employeeNumber)
    : Exception($"Vehicle {registration} is not registered for business mileage by {employeeNumber}.");

/// <summary>Thrown when a receipt was already claimed.</summary>
public sealed class DuplicateReceiptException(string claimId, string earlierClaimId)
    : Exception($"Receipt on claim {claimId} was already claimed on {earlierClaimId}.");

public interface IExpenseStore
{
    Task<bool> IsBusinessVehicleAsync(string employeeNumber, string registration, CancellationToken cancellationToken);

    Task<string?> ClaimWithReceiptAsync(string receiptHash, CancellationToken cancellationToken);

    Task<string?> ClaimForDayAsync(string dayKey, CancellationToken cancellationToken);

    Task SaveAsync(ExpenseClaim claim, string status, CancellationToken cancellationToken);
}

/// <summary>
/// Validates expense claims of the supplier's staff (mileage in their own cars at the HMRC rate,
/// subsistence, tools) before they go to the line manager and then to payroll.
/// </summary>
public sealed class ExpenseClaimProcessor(
    IExpenseStore store,
    IEmployeeDirectory directory,
    IRedactorProvider redactors,
    ILogger<ExpenseClaimProcessor> logger)
{
    private const decimal MileageRate = 0.45m;
    private static readonly ActivitySource Source = new("Supplier.Expenses");

    public async Task<string> ProcessAsync(ExpenseClaim claim, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("expenses.validate");
        activity?.SetTag("expense.claim_id", claim.ClaimId); // clean precision-names
        activity?.SetTag("expense.category", claim.Category); // clean precision-names
        activity?.SetTag("expense.amount", claim.Amount); // clean precision-about
        activity?.SetTag("expense.merchant", claim.MerchantName); // clean precision-names

        try
        {
            if (claim.ReceiptImage is { } image)
            {
                var receiptHash = Convert.ToHexString(SHA256.HashData(image));
                activity?.SetTag("expense.receipt_sha256", receiptHash); // clean hashes
                if (await store.ClaimWithReceiptAsync(receiptHash, cancellationToken) is { } earlier)
                {
                    throw new DuplicateReceiptException(claim.ClaimId, earlier);
                }
            }

            var dayKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{claim.EmployeeNumber}|{DateTime.UtcNow:yyyyMMdd}|{claim.Category}")));
            activity?.SetTag("expense.day_key", dayKey); // leak TC1002 hashes

            if (claim.Category == "mileage" && claim.VehicleRegistration is { } registration)
            {
                activity?.SetTag("expense.vehicle", registration); // leak TC1001 direct
                activity?.SetTag("expense.vehicle_area", registration[..2]); // clean precision-about
                if (!await store.IsBusinessVehicleAsync(claim.EmployeeNumber, registration, cancellationToken))
                {
                    throw new UnregisteredVehicleException(registration, claim.EmployeeNumber);
                }
                activity?.SetTag("expense.mileage_amount", (claim.Miles ?? 0) * MileageRate); // clean precision-about
            }

            await store.SaveAsync(claim, "awaiting-approval", cancellationToken);
            return "awaiting-approval";
        }
        catch (DuplicateReceiptException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            await store.SaveAsync(claim, "rejected-duplicate", cancellationToken);
            return "rejected-duplicate";
        }
        catch (UnregisteredVehicleException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            var employee = await directory.FindAsync(claim.EmployeeNumber, cancellationToken);
            var redactor = redactors.GetRedactor(DataTaxonomy.PrivateData);
            logger.LogWarning("Mileage claim {ClaimId} names an unregistered car; employee {Employee}", claim.ClaimId, redactor.Redact(claim.EmployeeNumber)); // clean precision-pseudonym
            logger.LogWarning("Ask {Manager} to confirm the car with the claimant", employee?.ManagerEmployeeNumber); // leak TC1001 cross-member
            await store.SaveAsync(claim, "rejected-vehicle", cancellationToken);
            return "rejected-vehicle";
        }
    }
}
