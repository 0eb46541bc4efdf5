namespace PrivacyHoldout91.Retail;

/// <summary>A customer in the segmentation model's output.</summary>
public sealed record SegmentMember(string CustomerNumber, string Email, string FirstName, string Postcode, string HomeStore, string Segment, decimal Spend12m);

/// <summary>A store manager as the HR feed gives them.</summary>
public sealed record StoreManager(string StaffNumber, string Email, IReadOnlyList<string> Stores);

/// <summary>
/// The CRM team's segment report: segment sizes and spend by store, a store manager's view of their own
/// stores' customers (row-level security by store), and the segment export the email agency loads.
/// </summary>
public sealed class CustomerSegmentReportService(
    IReportDataSource data,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ReportingOptions options,
    ILogger<CustomerSegmentReportService> logger)
{
    private IReadOnlyDictionary<string, int> _sizes = new Dictionary<string, int>();

    /// <summary>Called once at start-up: the segment sizes of the last report, as a gauge.</summary>
    public void ObserveSegmentSizes() =>
        meter.CreateObservableGauge("salesrpt.segment.size", () => _sizes.Select(s => new Measurement<int>(s.Value, new KeyValuePair<string, object?>("segment", s.Key))), "{customer}"); // clean precision-names

    public async Task<IReadOnlyList<SegmentMember>> ForManagerAsync(StoreManager manager, string segment, CancellationToken cancellationToken)
    {
        using var span = source.StartSalesrptRender("rpt-segment-members", "html");
        span.SetSalesrptViewerId(pseudonymizer.PseudonymizeSalesrptViewerId(manager.StaffNumber)); // clean precision-pseudonym
        var filter = $"home_store IN ({string.Join(",", manager.Stores.Select(s => $"'{s}'"))})";
        span.SetSalesrptFilter(filter); // clean strings
        Activity.Current?.SetTag("enduser.id", manager.Email); // leak TC1001 direct
        logger.LogInformation("Segment {Segment} for {Manager}", segment, manager); // leak TC1001 logging-objects

        var table = await data.QueryAsync(new ReportQuery("segment-members", $"SELECT customer_number, email, first_name, postcode, home_store, segment, spend_12m FROM segment_members WHERE segment = @segment AND {filter}", options.CommandTimeout) { Parameters = { ["@segment"] = segment } }, cancellationToken);
        var members = table.Rows.Select(r => new SegmentMember((string)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!, (string)r[4]!, (string)r[5]!, (decimal)r[6]!)).ToList();
        span.SetSalesrptRowCount(members.Count);
        _sizes = members.CountBy(m => m.Segment).ToDictionary(p => p.Key, p => p.Value);
        logger.LogInformation("Segment sizes {Sizes}", _sizes); // clean logging-objects
        logger.LogDebug("First member {Member}", members.FirstOrDefault()); // leak TC1001 logging-objects
        logger.LogInformation("Members by district {Districts}", members.CountBy(m => m.Postcode.Split(' ')[0])); // clean precision-about
        return members;
    }

    public string ExportForAgency(IReadOnlyList<SegmentMember> members, string segment)
    {
        using var span = source.StartSalesrptRender("rpt-segment-export", "csv");
        var csv = new StringBuilder("customer_number,email,first_name,segment\n");
        foreach (var member in members)
        {
            csv.Append(member.CustomerNumber).Append(',').Append(member.Email).Append(',').Append(member.FirstName).Append(',').Append(member.Segment).Append('\n');
        }

        var text = csv.ToString();
        logger.LogDebug("Export preview {Preview}", text[..Math.Min(200, text.Length)]); // leak TC1001 strings
        logger.LogInformation("Export {Segment}: {Rows} rows, {Bytes} bytes", segment, members.Count, Encoding.UTF8.GetByteCount(text));
        var invalid = members.Where(m => !m.Email.Contains('@')).ToList();
        if (invalid.Count > 0)
        {
            span.SetSalesrptNote($"{invalid.Count} rows without a valid email, e.g. {invalid[0].Email}"); // leak TC1001 generated-api
            span.Activity?.SetTag(SalesrptAttributes.CustomerContact, pseudonymizer.Pseudonymize("salesrpt.customer.contact", invalid[0].Email).ToString()); // leak TC1001 precision-pseudonym
            logger.LogSalesrptReportFailedEvent("rpt-segment-export", "invalid-rows", pseudonymizer.PseudonymizeSalesrptCustomerId(invalid[0].CustomerNumber), $"{invalid.Count} invalid emails"); // clean generated-api
        }

        var fileName = $"segment-{segment}-{DateTime.UtcNow:yyyyMMdd}.csv";
        span.SetSalesrptNote(fileName); // clean precision-names
        return text;
    }
}
