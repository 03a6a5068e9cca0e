namespace Peer2Peer.Devnet.OpenvCloud.Model;

/// <summary>
/// Default catalogues: each controller differs in locations, sizes and images so discovery has something to tell
/// apart. Controller 1 mirrors the 2018 installer defaults; documented in docs/DEVNET-OPENVCLOUD.md.
/// </summary>
public static class CatalogueDefaults
{
    private static readonly int[] InstallerDisks = [10, 20, 50, 100, 250, 500, 1000, 2000];

    public static OpenvCloudControllerOptions ForController(int index) => new()
    {
        Name = $"ovc-{index + 1}",
        ConsumerUsername = $"consumer{index + 1}",
        AccountName = $"devnet-account-{index + 1}",
        CloudSpaceName = "default",
        Catalogue = Catalogue(index),
    };

    public static CatalogueSpec Catalogue(int index) => index switch
    {
        0 => First(),
        1 => Second(),
        _ => Generic(index),
    };

    private static CatalogueSpec First()
    {
        string[] both = ["be-g8-1", "be-g8-2"];
        string[] main = ["be-g8-1"];
        return new CatalogueSpec(
            [new LocationSpec(1, 101, "be-g8-1"), new LocationSpec(2, 102, "be-g8-2", "blue")],
            [
                new SizeSpec(1, "512 MiB Memory with 1 vcpu", 1, 512, InstallerDisks, main),
                new SizeSpec(2, "1 GiB Memory with 1 vcpu", 1, 1024, InstallerDisks, both),
                new SizeSpec(3, "2 GiB Memory with 2 vcpus", 2, 2048, InstallerDisks, both),
                new SizeSpec(4, "4 GiB Memory with 2 vcpus", 2, 4096, InstallerDisks, both),
                new SizeSpec(5, "8 GiB Memory with 4 vcpus", 4, 8192, InstallerDisks, main),
                new SizeSpec(6, "16 GiB Memory with 8 vcpus", 8, 16384, InstallerDisks, main),
            ],
            [
                new ImageSpec(1, "Ubuntu 16.04 x64", "Linux", 10, []),
                new ImageSpec(2, "Ubuntu 18.04 x64", "Linux", 10, []),
                new ImageSpec(3, "Windows 2016 Standard", "Windows", 50, main),
            ]);
    }

    private static CatalogueSpec Second()
    {
        string[] ams = ["nl-ams-1"];
        int[] disks = [20, 50, 100, 250];
        return new CatalogueSpec(
            [new LocationSpec(1, 201, "nl-ams-1", "orange")],
            [
                new SizeSpec(11, "2 GiB Memory with 2 vcpus", 2, 2048, disks, ams),
                new SizeSpec(12, "4 GiB Memory with 4 vcpus", 4, 4096, disks, ams),
                new SizeSpec(13, "8 GiB Memory with 8 vcpus", 8, 8192, disks, ams),
            ],
            [
                new ImageSpec(21, "Debian 9 x64", "Linux", 10, []),
                new ImageSpec(22, "CentOS 7 x64", "Linux", 20, []),
            ]);
    }

    private static CatalogueSpec Generic(int index)
    {
        var code = $"dev-{index + 1}";
        string[] here = [code];
        var baseId = 100 * (index + 1);
        return new CatalogueSpec(
            [new LocationSpec(1, baseId + 1, code)],
            [
                new SizeSpec(baseId + 1, "1 GiB Memory with 1 vcpu", 1, 1024, [10, 20, 50], here),
                new SizeSpec(baseId + 2, $"{index + 1} GiB Memory with 2 vcpus", 2, 1024 * (index + 1), [20, 50, 100], here),
            ],
            [new ImageSpec(baseId + 1, "Ubuntu 18.04 x64", "Linux", 10, [])]);
    }
}
