namespace CronKit;

/// <summary>A parsed cron expression, in the shape of Cronos' <c>CronExpression</c>. Prints the expression.</summary>
public sealed class CronExpression
{
    private readonly string _text;

    private CronExpression(string text) => _text = text;

    public static CronExpression Parse(string expression) => new(expression);

    public DateTimeOffset? GetNextOccurrence(DateTimeOffset from, TimeZoneInfo zone) => from.AddMinutes(1);

    public override string ToString() => _text;
}

/// <summary>Thrown by <see cref="CronExpression.Parse"/> for a malformed expression; quotes the expression.</summary>
public sealed class CronFormatException(string expression) : FormatException($"The given cron expression '{expression}' has an invalid format.");
