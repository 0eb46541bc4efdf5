using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout21.Healthcare;

public interface IResultStore
{
    Task<int> FileAsync(string hospitalNumber, string placerOrder, IReadOnlyList<Hl7Segment> observations, CancellationToken cancellationToken);
}

/// <summary>Files laboratory results (ORU^R01) against the order that requested them.</summary>
public sealed class OruResultRouter(IResultStore store, ILogger<OruResultRouter> logger)
{
    private static readonly HashSet<string> RoutableCodes = ["2823-3", "2951-2", "718-7", "6690-2", "4548-4"];

    public async Task RouteAsync(Hl7Message message, CancellationToken cancellationToken)
    {
        var pid = message.Required("PID");
        var hospitalNumber = pid.Component(3, 1);
        var orderingClinician = message.Find("ORC")?.Component(12, 2);

        foreach (var obr in message.All("OBR"))
        {
            var placerOrder = obr.Component(2, 1);
            var observations = new List<Hl7Segment>();
            foreach (var obx in message.All("OBX").Where(o => o[4] == obr[1]))
            {
                if (obx[2] == "NM" && !RoutableCodes.Contains(obx.Component(3, 1)))
                {
                    logger.LogWarning("Unroutable numeric result {Segment}", obx.Raw); // clean strings
                    continue;
                }

                observations.Add(obx);
            }

            Activity.Current?.AddEvent(new ActivityEvent("hl7.obr", tags: new ActivityTagsCollection { ["hl7.obr.placer_order"] = placerOrder, ["hl7.obr.service"] = obr.Component(4, 1), ["hl7.obx.count"] = observations.Count })); // clean direct
            var filed = await store.FileAsync(hospitalNumber, placerOrder, observations, cancellationToken);
            logger.LogInformation("Filed {Filed} results of order {PlacerOrder} under {HospitalNumber}", filed, placerOrder, hospitalNumber); // leak TC1001 direct
        }

        logger.LogDebug("Results ordered by {OrderingClinician}", orderingClinician); // leak TC1001 direct
    }
}
