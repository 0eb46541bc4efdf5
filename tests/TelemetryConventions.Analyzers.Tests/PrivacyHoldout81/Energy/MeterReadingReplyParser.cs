namespace PrivacyHoldout81.Energy;

/// <summary>
/// Reads the meter readings customers type into their replies to the reading reminder. The reminder is
/// sent from <c>readings+{accountNumber}@mail.brightgrid.example</c>, so the reply's To carries the supply
/// account number in its plus tag; the body has lines like <c>E 012345 (meter Z16N123456)</c>.
/// </summary>
public sealed class MeterReadingReplyParser(
    Pseudonymizer pseudonymizer,
    ILogger<MeterReadingReplyParser> logger)
{
    private static readonly Regex ReadingLine = new(@"^(?<register>[EGeg])\s*(?<value>\d{4,6})(\s*\(meter (?<serial>[A-Z0-9]{8,12})\))?", RegexOptions.Multiline);

    public IReadOnlyList<MeterReadingSubmission> Parse(MimeMessage reply)
    {
        var activity = Activity.Current;
        var to = reply.To.Mailboxes.First(m => m.Domain == "mail.brightgrid.example");
        PlusAddress.TryParse(to.Address, out var alias);
        var accountNumber = alias.Tag ?? string.Empty;

        var span = activity.EnrichReadinginboxIntake(alias.Mailbox)
            .SetReadinginboxSenderId(pseudonymizer.PseudonymizeReadinginboxSenderId(accountNumber)); // clean precision-pseudonym
        activity?.SetTag("mail.to", to.Address); // leak TC1001 strings
        activity?.SetTag("mail.alias", alias.Mailbox); // clean precision-names
        activity?.SetTag("reminder.template", MailTemplates.MeterReadingReminderSubject); // clean precision-about

        var readings = new List<MeterReadingSubmission>();
        foreach (Match line in ReadingLine.Matches(reply.TextBody ?? string.Empty))
        {
            var register = char.ToUpperInvariant(line.Groups["register"].Value[0]);
            if (!int.TryParse(line.Groups["value"].Value, out var value))
            {
                throw new ReadingFormatException(line.Value);
            }

            var serial = line.Groups["serial"].Success ? line.Groups["serial"].Value : null;
            readings.Add(new MeterReadingSubmission(accountNumber, serial, register, value));
            activity?.AddEvent(new ActivityEvent("reading.parsed", tags: new ActivityTagsCollection { ["register"] = register.ToString(), ["value"] = value })); // leak TC1001 direct
            if (serial is not null)
            {
                activity?.SetTag("meter.serial", serial); // leak TC1001 direct
                activity?.SetTag("meter.model", serial[..3]); // clean precision-about
            }
        }

        span.SetReadinginboxOutcome(readings.Count == 0 ? "no_readings" : "parsed");
        logger.LogInformation("Parsed {Count} reading(s) from a reply to {Template}", readings.Count, MailTemplates.MeterReadingReminderSubject); // clean precision-about
        logger.LogDebug("Parsed readings {Readings}", string.Join(", ", readings)); // leak TC1001 strings
        return readings;
    }

    public void ReportUnreadable(ReadingFormatException ex, MimeMessage reply)
    {
        logger.LogWarning(ex, "Unreadable reading line in {MessageId}", reply.MessageId); // leak TC1001 exceptions
        Activity.Current?.SetTag("reading.error", ex.GetType().Name); // clean exceptions
        Activity.Current?.SetTag("reading.line_length", ex.Line.Length); // clean precision-about
    }
}

/// <summary>One reading as the customer typed it: the account, the meter serial if given, the register and the value.</summary>
public sealed record MeterReadingSubmission(string AccountNumber, string? MeterSerial, char Register, int Value);

/// <summary>A reading line that looked like a reading but was not; the message quotes the line.</summary>
public sealed class ReadingFormatException(string line) : FormatException($"Could not read a reading from '{line}'")
{
    public string Line { get; } = line;
}
