namespace Peer2Peer.Devnet.OpenvCloud.Model;

/// <summary>What one controller offers: its locations (one grid each), sizes and images.</summary>
public sealed record CatalogueSpec(IReadOnlyList<LocationSpec> Locations, IReadOnlyList<SizeSpec> Sizes, IReadOnlyList<ImageSpec> Images);

/// <summary>A location = one G8 grid; <paramref name="Code"/> is the <c>locationCode</c> other calls take.</summary>
public sealed record LocationSpec(int Id, int Gid, string Code, string Flag = "black");

/// <summary>A flavour offered in <paramref name="Locations"/> (location codes) with its allowed boot-disk sizes in GB.</summary>
public sealed record SizeSpec(int Id, string Name, int Vcpus, int MemoryMiB, IReadOnlyList<int> Disks, IReadOnlyList<string> Locations);

/// <summary>A system image; <paramref name="MinDiskGb"/> is the <c>size</c> field; empty <paramref name="Locations"/> = every location.</summary>
public sealed record ImageSpec(int Id, string Name, string Type, int MinDiskGb, IReadOnlyList<string> Locations);
