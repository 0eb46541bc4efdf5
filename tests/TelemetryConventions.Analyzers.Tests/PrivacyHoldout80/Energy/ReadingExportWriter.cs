namespace PrivacyHoldout80.Energy;

public sealed record HalfHourReading(DateTimeOffset Start, double ImportKwh, double ExportKwh);

/// <summary>The customer's consumption export: pooled <see cref="Utf8JsonWriter"/> output, posted to the customer portal.</summary>
public sealed partial class ReadingExportWriter(ILogger<ReadingExportWriter> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static readonly TagList ExportTags = new() { { "export.format", "json" }, { "export.version", 2 } };
    private readonly Histogram<int> _exportBytes = meter.CreateHistogram<int>("meterwire.export.bytes", "By");

    public ReadOnlyMemory<byte> Write(string meterSerial, string customerEmail, IReadOnlyList<HalfHourReading> readings)
    {
        var output = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            writer.WriteString("meter"u8, meterSerial);
            writer.WriteString("email"u8, customerEmail);
            writer.WriteStartArray("readings"u8);
            Span<byte> number = stackalloc byte[32];
            foreach (var reading in readings)
            {
                writer.WriteStartObject();
                writer.WriteString("start"u8, reading.Start);
                Utf8Formatter.TryFormat(reading.ImportKwh, number, out var written, new StandardFormat('F', 3));
                writer.WriteRawValue(number[..written], skipInputValidation: true);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        _exportBytes.Record(output.WrittenCount, ExportTags); // clean precision-about
        Activity.Current?.SetTag("meterwire.export.readings", readings.Count); // clean precision-about
        Activity.Current?.SetTag("meterwire.export.customer_domain", customerEmail[(customerEmail.IndexOf('@') + 1)..]); // clean precision-about
        logger.LogDebug("Export written: {Json}", Encoding.UTF8.GetString(output.WrittenSpan)); // leak TC1001 strings
        logger.LogInformation("Export for {Meter} is {Bytes} bytes", pseudonymizer.ComputeMeterwireMeterSerial(meterSerial), output.WrittenCount); // clean precision-pseudonym
        LogExportSent(logger, customerEmail, readings.Count); // leak TC1001 direct
        return output.WrittenMemory;
    }

    public void OnPortalRejected(string meterSerial, int status, string responseBody)
    {
        var error = new FieldDecodeException("meter", meterSerial);
        logger.LogError(error, "Portal refused the export with {Status}", status); // leak TC1001 exceptions
        Activity.Current?.SetStatus(ActivityStatusCode.Error, $"portal status {status}"); // clean exceptions
        Activity.Current?.AddException(error); // leak TC1001 exceptions
        logger.LogWarning("Portal answer length {Length}", responseBody.Length); // clean precision-about
        meter.CreateMeterwireFramesDecodedCounter().Add(1, "0x7F", $"rejected:{status}"); // clean precision-about
    }

    [LoggerMessage(EventId = 6301, Level = LogLevel.Information, Message = "Export mailed to {Email} with {Count} readings")]
    private static partial void LogExportSent(ILogger logger, string email, int count);
}
