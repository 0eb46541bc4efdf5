namespace PrivacyHoldout109.Transport;

/// <summary>Imports the bus operators' duty roster file (depot, duty, driver staff number, vehicle) for the real-time system.</summary>
public sealed partial class DriverRosterImport(
    ActivitySource source,
    Meter meter,
    ILogger<DriverRosterImport> logger,
    SftpClient sftp,
    PartnerEndpoint operatorDrop)
{
    public void Import(string fileName, IReadOnlySet<string> knownDrivers)
    {
        using var span = source.StartFarefeedImport(operatorDrop.PartnerCode, fileName);
        span.SetFarefeedFileFormat("csv"); // clean precision-names
        var unknown = new List<string>();
        var duties = 0;
        foreach (var row in Csv.Read(sftp.ReadAllText(operatorDrop.InboundDir + "/" + fileName)))
        {
            duties++;
            var staffNumber = row["driver_staff_no"];
            if (!knownDrivers.Contains(staffNumber))
            {
                unknown.Add(staffNumber);
                LogUnknownDriver(logger, row["duty"], staffNumber); // leak TC1001 direct
                LogUnknownDuty(logger, row["duty"], row["depot"]); // clean precision-names
            }
            Activity.Current?.SetTag("roster.vehicle", row["fleet_number"]); // clean precision-names
        }
        span.SetFarefeedRecordCount(duties); // clean precision-about
        span.SetFarefeedRejectedCount(unknown.Count); // clean precision-about
        span.SetFarefeedNote("unknown drivers: " + string.Join(",", unknown)); // leak TC1001 generated-api
        logger.LogWarning("Unknown drivers {Drivers}", unknown); // leak TC1001 logging-objects
        meter.CreateFarefeedFilesCounter().Add(1, operatorDrop.PartnerCode, "inbound", unknown.Count == 0 ? "loaded" : "unknown_drivers"); // clean generated-api
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Duty {Duty} names unknown driver {StaffNumber}")]
    private static partial void LogUnknownDriver(ILogger logger, string duty, string staffNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Duty {Duty} at depot {Depot} has no vehicle")]
    private static partial void LogUnknownDuty(ILogger logger, string duty, string depot);
}
