namespace PrivacyHoldout146.Energy;

[ApiController]
[Route("api/estates/{accountNumber}/executor")]
public sealed partial class ExecutorContactController(
    IExecutorContacts executors,
    IEstateAccounts accounts,
    Pseudonymizer pseudonymizer,
    LifeEventsOptions options,
    ILogger<ExecutorContactController> logger) : ControllerBase
{
    private static readonly Meter ExecutorMeter = new("Supplier.Bereavement.Executors");
    private static readonly Counter<long> Registrations = ExecutorMeter.CreateCounter<long>("estates.executor.registrations");

    [HttpPost]
    public async Task<ActionResult> Register(string accountNumber, [FromBody] Executor executor, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope("Executor for {ExecutorEmail}", executor.Email); // leak TC1001 direct
        Activity.Current?.SetTag("estates.executor.role", executor.Role); // clean precision-about
        Activity.Current?.SetTag("estates.executor.name_length", executor.Name.Length); // clean precision-about
        Activity.Current?.SetTag("estates.executor.record", pseudonymizer.ComputeEstatesExecutorId(executor.ExecutorRecordId)); // clean precision-pseudonym
        Activity.Current?.SetTag(EstatesAttributes.Contact, pseudonymizer.Pseudonymize("executor.contact", executor.Email).Value); // leak TC1001 precision-pseudonym
        Registrations.Add(1, new KeyValuePair<string, object?>("role", executor.Role)); // clean precision-about
        Registrations.Add(1, new KeyValuePair<string, object?>("executor", pseudonymizer.PseudonymizeEstatesExecutorId(executor.ExecutorRecordId).Value)); // leak TC1003 precision-pseudonym
        try
        {
            await accounts.GetAsync(accountNumber, cancellationToken);
            await executors.RegisterAsync(accountNumber, executor, cancellationToken);
            LogRegistered(logger, executor.Role, executor.Name); // clean logging-objects
            LogRegisteredContact(logger, executor.Phone); // leak TC1001 logging-objects
            LogExecutor(logger, executor); // leak TC1001 logging-objects
            var salutation = Salutation(executor);
            logger.LogDebug("Letter opens with {Salutation}", salutation); // leak TC1001 strings
            logger.LogDebug("Letter signed {Signature}", Signature(options)); // clean strings
            return Ok();
        }
        catch (AccountNotFoundException ex)
        {
            logger.LogWarning("Executor registration failed: {Error}", ex.GetType().Name); // clean exceptions
            logger.LogWarning("Executor registration failed: {Error}", ex.Message); // leak TC1001 exceptions
            return NotFound();
        }
    }

    private static string Salutation(Executor executor) => $"Dear {executor.Name},";

    private static string Signature(LifeEventsOptions options) => $"The bereavement team, {options.Region}";

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Registered {Role} {ExecutorName}")]
    private static partial void LogRegistered(ILogger logger, string role, [PrivateData] string executorName);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Debug, Message = "Executor reachable on {ExecutorPhone}")]
    private static partial void LogRegisteredContact(ILogger logger, string executorPhone);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Debug, Message = "Executor {Executor}")]
    private static partial void LogExecutor(ILogger logger, Executor executor);
}
