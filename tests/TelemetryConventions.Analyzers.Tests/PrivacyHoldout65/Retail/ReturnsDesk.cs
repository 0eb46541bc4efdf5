namespace PrivacyHoldout65.Retail;

/// <summary>A return as the customer filed it; the reason comes from the returns form's drop-down, the comment is typed.</summary>
public sealed record ReturnRequest(string ReturnId, string OrderId, string CustomerNumber, string Reason, string? Comment, string CollectionPostcode, IReadOnlyList<string> Skus);

public sealed record ReturnSummary(string ReturnId, string OrderId, string Reason, int Items);

public sealed class CollectionUnavailableException(string postcode) : Exception($"No courier collection available at {postcode}")
{
    public string Postcode { get; } = postcode;
}

public interface ICourier
{
    Task<string> BookCollectionAsync(string postcode, CancellationToken ct);
}

/// <summary>Decides returns and books courier collections.</summary>
public sealed class ReturnsDesk(ILogger<ReturnsDesk> logger, ICourier courier, Pseudonymizer pseudonymizer)
{
    private static readonly Func<ILogger, string, string, IDisposable?> s_returnScope =
        LoggerMessage.DefineScope<string, string>("Return {ReturnId} of order {OrderId}");

    private static readonly Func<ILogger, string, IDisposable?> s_customerScope =
        LoggerMessage.DefineScope<string>("Returns for customer {Customer}");

    private static readonly Action<ILogger, string, string, Exception?> s_returnReason =
        LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(6201, "ReturnReason"), "Return {ReturnId}: {Reason}");

    public async Task DecideAsync(ReturnRequest request, CancellationToken ct)
    {
        using var returnScope = s_returnScope(logger, request.ReturnId, request.OrderId); // clean direct
        using var customerScope = s_customerScope(logger, request.CustomerNumber); // leak TC1001 direct
        using var refScope = s_customerScope(logger, pseudonymizer.ComputeBasketCustomerId(request.CustomerNumber)); // clean precision-pseudonym

        logger.LogInformation("Return received {@Return}", new ReturnSummary(request.ReturnId, request.OrderId, request.Reason, request.Skus.Count)); // clean logging-objects
        logger.LogInformation("Return received {@Return}", request); // leak TC1001 logging-objects
        s_returnReason(logger, request.ReturnId, request.Reason, null); // clean precision-names
        if (request.Comment is { Length: > 0 } comment)
        {
            s_returnReason(logger, request.ReturnId, comment, null); // leak TC1001 strings
        }

        try
        {
            var booking = await courier.BookCollectionAsync(request.CollectionPostcode, ct);
            logger.LogInformation("Collection {Booking} booked in {District}", booking, request.CollectionPostcode.Split(' ')[0]); // clean precision-about
        }
        catch (CollectionUnavailableException ex)
        {
            logger.LogWarning(ex, "No collection for return {ReturnId}", request.ReturnId); // leak TC1001 exceptions
            logger.LogWarning("No collection for return {ReturnId}: {Error}", request.ReturnId, ex.GetType().Name); // clean exceptions
            Activity.Current?.SetTag("returns.collection.postcode", ex.Postcode); // leak TC1001 cross-member
        }
    }
}
