namespace PrivacyHoldout85.Retail;

/// <summary>
/// Automatic persisted queries for the storefront: the client sends the SHA-256 of its document; on
/// a miss it sends the document once and the server stores it under that hash.
/// </summary>
public sealed class ShopPersistedQueryStorage(IOperationDocumentStorage inner, ILogger<ShopPersistedQueryStorage> logger, Meter meter) : IOperationDocumentStorage
{
    private readonly Counter<long> _lookups = meter.CreateCounter<long>("shop.apq.lookups");

    public async ValueTask<DocumentNode?> TryReadAsync(OperationDocumentId documentId, CancellationToken cancellationToken)
    {
        var document = await inner.TryReadAsync(documentId, cancellationToken);
        _lookups.Add(1, new KeyValuePair<string, object?>("hit", document is not null)); // clean precision-about
        Activity.Current?.SetTag("graphql.persisted.id", documentId.Value); // clean hashes
        if (document is null)
        {
            logger.LogDebug(new PersistedOperationNotFoundException(documentId), "APQ miss"); // clean exceptions
        }

        return document;
    }

    public async ValueTask SaveAsync(OperationDocumentId documentId, DocumentNode document, CancellationToken cancellationToken)
    {
        var computed = OperationText.Sha256Hex(document.Text);
        if (!string.Equals(computed, documentId.Value, StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("APQ hash mismatch: sent {Sent}, computed {Computed}", documentId, computed); // clean hashes
            return;
        }

        logger.LogInformation("Stored persisted document {DocumentId}: {Shape}", documentId, document.PrintShape()); // clean precision-about
        logger.LogDebug("Stored document text {Document}", document); // leak TC1001 strings
        await inner.SaveAsync(documentId, document, cancellationToken);
    }
}

/// <summary>Request-level telemetry of the storefront endpoint.</summary>
public sealed class ShopRequestListener(ILogger<ShopRequestListener> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets) : ExecutionDiagnosticEventListener
{
    public override IDisposable ExecuteRequest(IRequestContext context)
    {
        var customerNumber = context.User.FindFirstValue("customer_number");
        var span = Activity.Current.EnrichShopgqlOperation(context.OperationName ?? "anonymous");
        if (customerNumber is not null)
        {
            span.SetShopgqlCustomerId(pseudonymizer.PseudonymizeShopgqlCustomerId(customerNumber)); // clean precision-pseudonym
            Activity.Current?.SetBaggage("shop.customer", customerNumber); // leak TC1001 direct
            Activity.Current?.SetTag("shop.experiment.bucket", KeyedShards.Of(secrets.ShardKey, customerNumber, 100)); // clean hashes
            Activity.Current?.SetTag("shop.customer.hash", Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(customerNumber)))); // leak TC1002 hashes
        }

        if (context.Variables?.TryGetValue("email", out var email) == true)
        {
            logger.LogInformation("Lookup by email {Email} in {OperationName}", email, context.OperationName); // leak TC1001 direct
            span.Activity?.SetTag(ShopgqlAttributes.CustomerContact, email); // leak TC1001 generated-api
        }

        logger.LogDebug("Variable names {Names}, types {Types}", context.Variables?.Keys, OperationText.DescribeVariables(context.Variables)); // clean precision-names
        return EmptyScope;
    }
}
