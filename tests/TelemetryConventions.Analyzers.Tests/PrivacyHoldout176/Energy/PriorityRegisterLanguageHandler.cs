namespace PrivacyHoldout176.Energy;

/// <summary>Adds language support needs (interpreter, translated letters, BSL) to the priority services register.</summary>
public sealed partial class PriorityRegisterLanguageHandler(Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<PriorityRegisterLanguageHandler> logger)
{
    private static readonly ActivitySource Source = new("Supplier.PriorityRegister");
    private static readonly Meter Meter = new("Supplier.PriorityRegister");
    private readonly GridlanguageOperationsCounter _operations = Meter.CreateGridlanguageOperationsCounter();
    private readonly GridlanguageOperationDurationHistogram _duration = Meter.CreateGridlanguageOperationDurationHistogram();

    public void Register(string accountNumber, string contactName, string phone, string language, bool needsInterpreter)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartGridlanguageOperation("priority-register");
        span.SetGridlanguageLearnerId(pseudonymizer.PseudonymizeGridlanguageLearnerId(accountNumber)); // clean generated-api
        span.SetGridlanguageLanguage(language); // clean generated-api
        span.SetGridlanguageNote($"Interpreter to call back on {phone}"); // leak TC1001 generated-api
        span.SetGridlanguageOutcome(needsInterpreter ? "interpreter" : "letters"); // clean generated-api

        LogRegistered(logger, accountNumber, language); // clean precision-names
        LogContact(logger, contactName, phone); // leak TC1001 direct
        logger.LogInformation("Priority register updated for {AccountHash}", Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(accountNumber)))); // leak TC1002 hashes
        logger.LogInformation("Priority register updated for {AccountTag}", Keyed(accountNumber)); // clean hashes
        logger.LogInformation("Phone present {HasPhone}, prefix {Prefix}", phone.Length > 0, phone[..3]); // clean precision-about

        using (logger.BeginScope(new { Account = accountNumber, Language = language })) // leak TC1001 direct
        {
            logger.LogInformation("Register entry written"); // clean precision-names
        }

        _operations.Add(1, "priority-register", "registered"); // clean generated-api
        _operations.Instrument.Add(1, new KeyValuePair<string, object?>("gridlanguage.learner.id", pseudonymizer.PseudonymizeGridlanguageLearnerId(accountNumber).Value)); // leak TC1003 precision-pseudonym
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "priority-register"); // clean generated-api
    }

    private string Keyed(string value)
    {
        using var hmac = new HMACSHA256(secrets.PseudonymKey);
        return Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(value)));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {AccountNumber} needs support in {Language}")]
    private static partial void LogRegistered(ILogger logger, [PrivateData] string accountNumber, string language);

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact {ContactName} on {Phone}")]
    private static partial void LogContact(ILogger logger, string contactName, string phone);
}
