namespace PrivacyHoldout168.Transport;

/// <summary>
/// Consumes repossession instructions for cars on finance in serious arrears (topic <c>motor.repossessions</c>, keyed
/// by agreement number) and books a recovery agent's collection.
/// </summary>
public sealed class RepossessionConsumer(
    IConsumer<string, RepossessionInstruction> consumer,
    IArrearsLedger ledger,
    Pseudonymizer pseudonymizer,
    ILogger<RepossessionConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Dealers.Repossessions");
    private static readonly Meter Meter = new("Dealers.Repossessions");
    private static readonly Counter<long> Instructions = Meter.CreateCounter<long>("repossessions.instructions");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }
            var instruction = result.Message.Value;
            using var activity = Source.StartActivity("repossession.book", ActivityKind.Consumer);
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-about
            activity?.SetTag("agreement.number", instruction.AgreementNumber); // clean precision-about
            if (activity is not null) { activity.DisplayName = $"repossess {instruction.VehicleRegistration}"; } // leak TC1001 strings
            logger.LogInformation("Repossession {@Instruction}", instruction); // leak TC1001 logging-objects
            logger.LogInformation("Repossession for agreement {AgreementNumber}", instruction.AgreementNumber); // clean precision-about
            logger.LogInformation("Keeper {Keeper} at {Address}", instruction.KeeperName, instruction.Address); // leak TC1001 direct
            Instructions.Add(1, new KeyValuePair<string, object?>("vehicle", instruction.VehicleRegistration)); // leak TC1003 direct
            Instructions.Add(1, new KeyValuePair<string, object?>("region", instruction.VehicleRegistration[..2])); // clean precision-about

            var account = await ledger.FindAsync(instruction.AgreementNumber, stoppingToken);
            try
            {
                if (account is null || account.CustomerName != instruction.KeeperName)
                {
                    throw new VehicleMismatchException(instruction.VehicleRegistration);
                }
                logger.LogInformation("Arrears {@Summary}", new ArrearsSummary(account.Stage, account.DaysInArrears, account.Balance)); // clean logging-objects
                logger.LogInformation("Debtor {Customer}", account.CustomerName); // leak TC1001 direct
            }
            catch (VehicleMismatchException ex)
            {
                logger.LogWarning(ex, "Repossession held"); // leak TC1001 exceptions
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                logger.LogWarning("Repossession held: {ExceptionType}", ex.GetType().FullName); // clean exceptions
                logger.LogMotorfinanceOperationFailedEvent("recoveries", "held", motorfinanceNote: "vehicle mismatch"); // clean generated-api
            }
            consumer.Commit(result);
        }
    }
}
