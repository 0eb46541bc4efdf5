using PrivacyHoldout73.Telemetry;

namespace PrivacyHoldout73.Retail;

public enum ReturnState
{
    Opened,
    AwaitingItem,
    Inspecting,
    AwaitingManager,
    Refunding,
    Refunded,
    Rejected,
    Compensating,
}

public enum ReturnTrigger
{
    LabelIssued,
    ItemReceived,
    Inspected,
    ManagerApproved,
    ManagerRejected,
    RefundSettled,
    RefundFailed,
}

public sealed class ReturnData
{
    public required string ReturnId { get; init; }

    public required string OrderId { get; init; }

    public required string CustomerNumber { get; init; }

    public required string CustomerEmail { get; init; }

    public required string LoyaltyCardNumber { get; init; }

    public required string StoreId { get; init; }

    public required decimal Amount { get; init; }

    public required string CustomerComment { get; init; }

    public string? CardLast4 { get; init; }

    public ReturnState State { get; set; }
}

public sealed class RefundDeclinedException(string orderId, string declineCode) : Exception($"Refund for order {orderId} declined: {declineCode}.")
{
    public string DeclineCode { get; } = declineCode;
}

public sealed class PointsReversalException(string loyaltyCardNumber, int points)
    : Exception($"Could not reverse {points} points on card {loyaltyCardNumber}.");

/// <summary>A return as a saga: label, receipt, inspection, a manager's approval above a threshold, refund and its compensations.</summary>
public sealed class ReturnSaga
{
    private static readonly ActivitySource Source = new("Shop.Returns");
    private static readonly Meter Meter = new("Shop.Returns");
    private static readonly Counter<long> Refunds = Meter.CreateCounter<long>("returns.refunds");

    private readonly WorkflowInstance<ReturnData> _instance;
    private readonly ILogger<ReturnSaga> _logger;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly TelemetrySecrets _secrets;
    private readonly ReturnflowTransitionsCounter _transitions;
    private readonly StateMachine<ReturnState, ReturnTrigger> _machine;
    private readonly CompensationScope _compensations = new();

    public ReturnSaga(WorkflowInstance<ReturnData> instance, ILogger<ReturnSaga> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, Meter meter)
    {
        _instance = instance;
        _logger = logger;
        _pseudonymizer = pseudonymizer;
        _secrets = secrets;
        _transitions = meter.CreateReturnflowTransitionsCounter();
        var data = instance.Data;
        _machine = new StateMachine<ReturnState, ReturnTrigger>(() => data.State, s => data.State = s);

        _machine.Configure(ReturnState.Opened).Permit(ReturnTrigger.LabelIssued, ReturnState.AwaitingItem);
        _machine.Configure(ReturnState.AwaitingItem)
            .OnEntry(t => _logger.LogInformation("Label issued for return {ReturnId} of order {OrderId}", data.ReturnId, data.OrderId)) // clean precision-names
            .Permit(ReturnTrigger.ItemReceived, ReturnState.Inspecting);
        _machine.Configure(ReturnState.Inspecting)
            .OnEntry(t => Activity.Current?.SetTag("return.comment", data.CustomerComment)) // leak TC1001 cross-member
            .OnEntry(t => Activity.Current?.SetTag("return.comment.length", data.CustomerComment.Length)) // clean precision-about
            .PermitIf(ReturnTrigger.Inspected, ReturnState.AwaitingManager, () => data.Amount >= 250m, "amount at or above 250")
            .PermitIf(ReturnTrigger.Inspected, ReturnState.Refunding, () => data.Amount < 250m, "amount below 250");
        _machine.Configure(ReturnState.AwaitingManager)
            .Permit(ReturnTrigger.ManagerApproved, ReturnState.Refunding)
            .Permit(ReturnTrigger.ManagerRejected, ReturnState.Rejected);
        _machine.Configure(ReturnState.Refunding)
            .OnEntry(t => _logger.LogInformation("Refunding {Amount} to card ending {Last4}", data.Amount, data.CardLast4)) // clean precision-about
            .Permit(ReturnTrigger.RefundSettled, ReturnState.Refunded)
            .Permit(ReturnTrigger.RefundFailed, ReturnState.Compensating);
        _machine.Configure(ReturnState.Compensating)
            .OnEntry(t => _logger.LogWarning("Compensating return for customer {Customer}", data.CustomerNumber)); // leak TC1001 cross-member

        _machine.OnTransitioned(t => _transitions.Add(1, t.Destination.ToString(), t.Trigger.ToString()));
        _machine.OnTransitioned(t => _transitions.Add(1, t.Destination.ToString(), t.Trigger.ToString(), $"{data.StoreId}:{t.Destination}")); // clean precision-about
    }

    public async Task RefundAsync(Func<string, decimal, Task> refund, Func<string, int, Task> reversePoints, Func<string, Task> restock, CancellationToken ct)
    {
        var data = _instance.Data;
        using var span = Source.StartReturnflowTransition(_instance.Id.ToString()) // clean generated-api
            .SetReturnflowCustomerId(_pseudonymizer.PseudonymizeReturnflowCustomerId(data.CustomerNumber)) // clean precision-pseudonym
            .SetReturnflowStep("refund"); // clean precision-names
        span.Activity?.SetTag("return.store", data.StoreId); // clean precision-about
        span.Activity?.SetTag("return.loyalty", data.LoyaltyCardNumber); // leak TC1001 direct

        _compensations.Add("restock", () => restock(data.ReturnId));
        _compensations.Add("reverse-points", async () =>
        {
            try
            {
                await reversePoints(data.LoyaltyCardNumber, (int)data.Amount);
            }
            catch (TimeoutException)
            {
                throw new PointsReversalException(data.LoyaltyCardNumber, (int)data.Amount);
            }
        });

        try
        {
            await refund(data.OrderId, data.Amount);
            await _machine.FireAsync(ReturnTrigger.RefundSettled);
            Refunds.Add(1, new KeyValuePair<string, object?>("store", data.StoreId)); // clean precision-about
            var cohort = HMACSHA256.HashData(_secrets.ShardKey, Encoding.UTF8.GetBytes(data.CustomerNumber))[0] % 8;
            Refunds.Add(1, new KeyValuePair<string, object?>("cohort", cohort)); // clean hashes
        }
        catch (RefundDeclinedException ex)
        {
            span.SetReturnflowOutcome($"declined:{ex.DeclineCode}"); // clean precision-about
            span.RecordException(ex, includeMessage: true); // clean exceptions
            await _machine.FireAsync(ReturnTrigger.RefundFailed);
            var failures = await _compensations.RunAsync();
            foreach (var failure in failures)
            {
                span.SetReturnflowNote($"{failure.Step}: {failure.Error.Message}"); // leak TC1001 generated-api
                span.Activity?.AddEvent(new ActivityEvent("compensation.failed", tags: new ActivityTagsCollection { ["step"] = failure.Step })); // clean precision-names
            }
            _logger.LogError("Compensations failed: {Failures}", failures); // leak TC1001 logging-objects
            _logger.LogError("Compensations failed: {Count} of {Total}", failures.Count, _compensations.Count); // clean precision-about
        }
        await Task.CompletedTask;
    }

    public void TagCustomer(Activity? activity)
    {
        var data = _instance.Data;
        activity?.SetTag(ReturnflowAttributes.CustomerEmail, data.CustomerEmail); // leak TC1001 generated-api
        activity?.SetTag("return.customer.email.domain", data.CustomerEmail[(data.CustomerEmail.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag("return.customer.fp", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(data.CustomerEmail.ToLowerInvariant())))); // leak TC1002 hashes
        activity?.SetTag("return.customer.bucket", (data.CustomerNumber.GetHashCode() & 0x7fffffff) % 50); // leak TC1002 hashes
    }
}
