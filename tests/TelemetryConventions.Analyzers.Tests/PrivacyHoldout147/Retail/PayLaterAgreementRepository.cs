namespace PrivacyHoldout147.Retail;

/// <summary>Stores pay-later agreements and opens the customer's pay-later account on the first one.</summary>
public sealed class PayLaterAgreementRepository(IAccountLedger ledger, ILogger<PayLaterAgreementRepository> logger)
{
    private static readonly ActivitySource Source = new("Bank.PayLater.Data");

    public async Task<string> OpenAsync(AccountOpening opening, BnplApplication application, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("bnpl.agreement.insert");
        activity?.SetTag("db.system", "postgresql"); // clean direct
        activity?.SetTag("db.statement", "INSERT INTO agreements (id, customer_number, retailer, order_number) VALUES (@id, @customer, @retailer, @order)"); // clean strings
        activity?.SetTag("db.statement", $"SELECT * FROM agreements WHERE customer_number = '{application.CustomerNumber}'"); // leak TC1001 strings
        logger.LogInformation("Opening {@Opening}", opening); // leak TC1001 logging-objects
        logger.LogInformation("Opening {ApplicationId} via {Channel}: {Decision}", opening.ApplicationId, opening.Channel, opening.Decision); // clean logging-objects
        try
        {
            return await ledger.OpenAsync(opening.CustomerNumber, opening.ProductCode, cancellationToken);
        }
        catch (ProductClosedException ex)
        {
            logger.LogWarning(ex, "Product closed"); // clean exceptions
            activity?.SetTag("exception.message", ex.Message); // clean exceptions
            throw;
        }
        catch (RetailerNotEnrolledException ex)
        {
            activity?.AddException(ex); // clean exceptions
            throw;
        }
        catch (CustomerNotFoundException ex)
        {
            logger.LogError("Opening failed: {Error}", ex.ToString()); // leak TC1001 exceptions
            throw;
        }
    }
}
