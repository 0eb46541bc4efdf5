namespace PrivacyHoldout77.Retail;

public sealed class CustomerBlockedException(string customerNumber, string reasonCode)
    : Exception($"Customer {customerNumber} is blocked ({reasonCode}).")
{
    public string CustomerNumber { get; } = customerNumber;

    public string ReasonCode { get; } = reasonCode;
}

public sealed class BasketEmptyException(string basketId) : Exception($"Basket {basketId} has no lines.")
{
    public string BasketId { get; } = basketId;
}

/// <summary>
/// The shop's customisation of every problem response (ProblemDetailsOptions.CustomizeProblemDetails):
/// adds the trace id, the API's error code and, for signed-in callers, who they are.
/// </summary>
public sealed class ShopProblemCustomizer(ILogger<ShopProblemCustomizer> logger, Pseudonymizer pseudonymizer)
{
    public void Customize(ApiCall call, ProblemDetails problem, Exception? exception, ClaimsUser user)
    {
        problem.Extensions["traceId"] = call.TraceIdentifier;
        problem.Extensions["code"] = exception switch
        {
            CustomerBlockedException blocked => $"CUSTOMER_BLOCKED_{blocked.ReasonCode}",
            BasketEmptyException => "BASKET_EMPTY",
            _ => "UNEXPECTED",
        };
        if (user.IsAuthenticated)
        {
            problem.Extensions["customer"] = user.SubjectId;
        }

        Activity.Current?.SetTag("shopapi.problem.trace", call.TraceIdentifier); // clean precision-about
        Activity.Current?.SetTag("shopapi.problem.code", problem.Extensions["code"]); // clean precision-about
        Activity.Current?.SetTag("shopapi.problem.customer", problem.Extensions.GetValueOrDefault("customer")); // leak TC1001 cross-member
        Activity.Current?.SetTag("shopapi.problem.customer_ref", user.SubjectId is null ? null : pseudonymizer.ComputeShopapiCustomerId(user.SubjectId)); // clean precision-pseudonym

        if (exception is CustomerBlockedException cb)
        {
            problem.Detail = "Your account cannot place orders. Contact customer services.";
            logger.LogWarning("Blocked customer {Reason}: {Detail}", cb.ReasonCode, problem.Detail); // clean precision-about
            logger.LogWarning("Blocked: {Message}", cb.Message); // leak TC1001 exceptions
        }
        else if (exception is BasketEmptyException be)
        {
            problem.Detail = be.Message;
            Activity.Current?.SetStatus(ActivityStatusCode.Error, problem.Detail); // clean exceptions
        }

        using (logger.BeginScope(problem.Extensions)) // leak TC1001 logging-objects
        {
            logger.LogInformation("Problem {Status} written", problem.Status);
        }
        using (logger.BeginScope(new Dictionary<string, object?> { ["problem.code"] = problem.Extensions["code"], ["problem.status"] = problem.Status })) // clean precision-about
        {
            logger.LogInformation("Problem {Title}", problem.Title); // clean precision-about
        }
    }
}
