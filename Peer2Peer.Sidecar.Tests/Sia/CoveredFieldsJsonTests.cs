using Newtonsoft.Json.Linq;
using Peer2Peer.Sia.Json;
using Peer2Peer.Sia.Types;

namespace Peer2Peer.Sidecar.Tests.Sia;

[Category("Unit")]
public sealed class CoveredFieldsJsonTests
{
    [Test]
    public void SerializesExactlySiadsElevenKeys()
    {
        var json = JObject.Parse(SiaJson.Serialize(CoveredFields.Whole));
        Assert.That(json.Properties().Select(p => p.Name), Is.EqualTo(new[]
        {
            "wholetransaction", "siacoininputs", "siacoinoutputs", "filecontracts", "filecontractrevisions", "storageproofs",
            "siafundinputs", "siafundoutputs", "minerfees", "arbitrarydata", "transactionsignatures",
        }));
    }
}
