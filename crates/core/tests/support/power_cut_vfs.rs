//! A power cut for SQLite, in a test. [`install`] registers, as the process's default, a VFS
//! that passes every call on to the platform's own ("unix") and keeps a second copy of each
//! database, WAL and rollback-journal file: "the disk". A write or truncation reaches the disk
//! copy only when that file is next fsynced (xSync); until then it lives only in the real file,
//! i.e. in the page cache. After the writer is killed, [`cut_power`] puts the disk copies in
//! place of the real files: what a machine that lost power at that moment finds on its disk.
//!
//! The model, and what it leaves out:
//! - a write not followed by an fsync of its file is lost, all of it (a kill in the middle of
//!   an fsync leaves some of that fsync's writes: also a state a real disk can be left in);
//! - a file created since the last cut exists after the next one only once it has been fsynced
//!   (SQLite's unix VFS fsyncs the folder on a new WAL or journal's first sync); a file deleted
//!   without syncing its folder may come back;
//! - the `-shm` file is shared memory, never durable: it is removed, as SQLite expects;
//! - the disk is taken to honour fsync (no write cache that lies), and the library file itself
//!   is made before the first cut ([`seed`]), so its own creation is not under test.

use rusqlite::ffi;
use std::collections::HashMap;
use std::ffi::{c_char, c_int, c_void, CStr};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// The files SQLite must find again after a power cut (the `-shm` file is not one).
const DURABLE_SUFFIXES: [&str; 3] = ["", "-wal", "-journal"];

enum Op {
    Write(u64, Vec<u8>),
    Truncate(u64),
}

struct Disk {
    dir: PathBuf,
    /// Writes and truncations made since each file's last fsync, by the real file's path.
    pending: Mutex<HashMap<PathBuf, Vec<Op>>>,
}

static DISK: OnceLock<Disk> = OnceLock::new();

/// Copies the library's files to `disk` as its starting state (the library must be closed).
pub fn seed(library_db: &Path, disk: &Path) {
    std::fs::create_dir_all(disk).unwrap();
    for (real, copy) in durable_files(library_db, disk) {
        if real.exists() {
            std::fs::copy(&real, &copy).unwrap();
        }
    }
}

/// Replaces the real files with what reached the disk (the writer must be dead).
pub fn cut_power(library_db: &Path, disk: &Path) {
    for (real, copy) in durable_files(library_db, disk) {
        if copy.exists() {
            std::fs::copy(&copy, &real).unwrap();
        } else {
            remove_if_there(&real);
        }
    }
    remove_if_there(&sibling(library_db, "-shm"));
}

fn durable_files(library_db: &Path, disk: &Path) -> Vec<(PathBuf, PathBuf)> {
    DURABLE_SUFFIXES
        .iter()
        .map(|suffix| {
            let real = sibling(library_db, suffix);
            let copy = disk.join(real.file_name().unwrap());
            (real, copy)
        })
        .collect()
}

fn sibling(db: &Path, suffix: &str) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn remove_if_there(path: &Path) {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => panic!("{}: {e}", path.display()),
        _ => {}
    }
}

/// Makes the power-cut VFS this process's default, keeping disk copies in `disk`.
pub fn install(disk: &Path) {
    DISK.set(Disk { dir: disk.to_path_buf(), pending: Mutex::new(HashMap::new()) })
        .unwrap_or_else(|_| panic!("installed twice"));
    unsafe {
        let real = ffi::sqlite3_vfs_find(std::ptr::null());
        assert!(!real.is_null(), "no default VFS");
        let vfs = Box::leak(Box::new(ffi::sqlite3_vfs {
            iVersion: 2,
            szOsFile: std::mem::size_of::<ShimFile>() as c_int,
            mxPathname: (*real).mxPathname,
            pNext: std::ptr::null_mut(),
            zName: c"powercut".as_ptr(),
            pAppData: real.cast(),
            xOpen: Some(shim_open),
            xDelete: Some(shim_delete),
            xAccess: Some(shim_access),
            xFullPathname: Some(shim_full_pathname),
            // These ignore their VFS argument in the unix VFS: passed on as they are.
            xDlOpen: (*real).xDlOpen,
            xDlError: (*real).xDlError,
            xDlSym: (*real).xDlSym,
            xDlClose: (*real).xDlClose,
            xRandomness: (*real).xRandomness,
            xSleep: (*real).xSleep,
            xCurrentTime: (*real).xCurrentTime,
            xGetLastError: (*real).xGetLastError,
            xCurrentTimeInt64: (*real).xCurrentTimeInt64,
            xSetSystemCall: None,
            xGetSystemCall: None,
            xNextSystemCall: None,
        }));
        assert_eq!(ffi::sqlite3_vfs_register(vfs, 1), ffi::SQLITE_OK);
    }
}

fn record(path: &Path, op: Op) {
    DISK.get().unwrap().pending.lock().unwrap().entry(path.to_path_buf()).or_default().push(op);
}

/// The fsync: what was written to `path` since its last fsync reaches the disk copy.
fn flush(path: &Path) -> std::io::Result<()> {
    let disk = DISK.get().unwrap();
    let ops = disk.pending.lock().unwrap().remove(path).unwrap_or_default();
    let copy = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(disk.dir.join(path.file_name().unwrap()))?;
    for op in ops {
        match op {
            Op::Write(at, bytes) => copy.write_all_at(&bytes, at)?,
            Op::Truncate(len) => copy.set_len(len)?,
        }
    }
    Ok(())
}

/// Our file: the unix VFS's own file behind it, and the path when it is one the disk keeps.
#[repr(C)]
struct ShimFile {
    base: ffi::sqlite3_file,
    real: *mut ffi::sqlite3_file,
    layout: std::alloc::Layout,
    durable: Option<PathBuf>,
}

unsafe fn real_vfs(vfs: *mut ffi::sqlite3_vfs) -> *mut ffi::sqlite3_vfs {
    (*vfs).pAppData.cast()
}

unsafe fn parts<'a>(
    file: *mut ffi::sqlite3_file,
) -> (&'a ShimFile, *mut ffi::sqlite3_file, &'a ffi::sqlite3_io_methods) {
    let shim = &*(file as *const ShimFile);
    (shim, shim.real, &*(*shim.real).pMethods)
}

unsafe extern "C" fn shim_open(
    vfs: *mut ffi::sqlite3_vfs,
    name: ffi::sqlite3_filename,
    file: *mut ffi::sqlite3_file,
    flags: c_int,
    out_flags: *mut c_int,
) -> c_int {
    let real_vfs = real_vfs(vfs);
    let layout = std::alloc::Layout::from_size_align((*real_vfs).szOsFile as usize, 16).unwrap();
    let real = std::alloc::alloc_zeroed(layout) as *mut ffi::sqlite3_file;
    let kinds = ffi::SQLITE_OPEN_MAIN_DB | ffi::SQLITE_OPEN_WAL | ffi::SQLITE_OPEN_MAIN_JOURNAL;
    let durable = (!name.is_null() && flags & kinds != 0)
        .then(|| PathBuf::from(CStr::from_ptr(name).to_str().expect("UTF-8 path")));
    let is_new = durable.as_ref().is_some_and(|p| !p.exists());
    let rc = ((*real_vfs).xOpen.unwrap())(real_vfs, name, real, flags, out_flags);
    if rc != ffi::SQLITE_OK {
        if !(*real).pMethods.is_null() {
            ((*(*real).pMethods).xClose.unwrap())(real);
        }
        std::alloc::dealloc(real.cast(), layout);
        (*file).pMethods = std::ptr::null();
        return rc;
    }
    if let (Some(path), true) = (&durable, is_new) {
        // Made again after a deletion: empty from now on, but the disk may hold the old one.
        record(path, Op::Truncate(0));
    }
    std::ptr::write(
        file as *mut ShimFile,
        ShimFile { base: ffi::sqlite3_file { pMethods: &METHODS }, real, layout, durable },
    );
    ffi::SQLITE_OK
}

unsafe extern "C" fn shim_delete(vfs: *mut ffi::sqlite3_vfs, name: *const c_char, sync_dir: c_int) -> c_int {
    let real_vfs = real_vfs(vfs);
    let rc = ((*real_vfs).xDelete.unwrap())(real_vfs, name, sync_dir);
    if rc == ffi::SQLITE_OK && sync_dir != 0 {
        let path = PathBuf::from(CStr::from_ptr(name).to_str().expect("UTF-8 path"));
        let disk = DISK.get().unwrap();
        disk.pending.lock().unwrap().remove(&path);
        remove_if_there(&disk.dir.join(path.file_name().unwrap()));
    }
    rc
}

unsafe extern "C" fn shim_access(
    vfs: *mut ffi::sqlite3_vfs,
    name: *const c_char,
    flags: c_int,
    out: *mut c_int,
) -> c_int {
    let real_vfs = real_vfs(vfs);
    ((*real_vfs).xAccess.unwrap())(real_vfs, name, flags, out)
}

unsafe extern "C" fn shim_full_pathname(
    vfs: *mut ffi::sqlite3_vfs,
    name: *const c_char,
    n: c_int,
    out: *mut c_char,
) -> c_int {
    let real_vfs = real_vfs(vfs);
    ((*real_vfs).xFullPathname.unwrap())(real_vfs, name, n, out)
}

/// Version 2: no xFetch, so SQLite never reads through a memory map of the file.
static METHODS: ffi::sqlite3_io_methods = ffi::sqlite3_io_methods {
    iVersion: 2,
    xClose: Some(shim_close),
    xRead: Some(shim_read),
    xWrite: Some(shim_write),
    xTruncate: Some(shim_truncate),
    xSync: Some(shim_sync),
    xFileSize: Some(shim_file_size),
    xLock: Some(shim_lock),
    xUnlock: Some(shim_unlock),
    xCheckReservedLock: Some(shim_check_reserved_lock),
    xFileControl: Some(shim_file_control),
    xSectorSize: Some(shim_sector_size),
    xDeviceCharacteristics: Some(shim_device_characteristics),
    xShmMap: Some(shim_shm_map),
    xShmLock: Some(shim_shm_lock),
    xShmBarrier: Some(shim_shm_barrier),
    xShmUnmap: Some(shim_shm_unmap),
    xFetch: None,
    xUnfetch: None,
};

unsafe extern "C" fn shim_close(file: *mut ffi::sqlite3_file) -> c_int {
    let (shim, real, methods) = parts(file);
    // Closing is not an fsync: what is pending stays pending.
    let rc = (methods.xClose.unwrap())(real);
    std::alloc::dealloc(real.cast(), shim.layout);
    std::ptr::drop_in_place(file as *mut ShimFile);
    rc
}

unsafe extern "C" fn shim_read(file: *mut ffi::sqlite3_file, buf: *mut c_void, n: c_int, at: i64) -> c_int {
    let (_, real, methods) = parts(file);
    (methods.xRead.unwrap())(real, buf, n, at)
}

unsafe extern "C" fn shim_write(file: *mut ffi::sqlite3_file, buf: *const c_void, n: c_int, at: i64) -> c_int {
    let (shim, real, methods) = parts(file);
    let rc = (methods.xWrite.unwrap())(real, buf, n, at);
    if let (Some(path), ffi::SQLITE_OK) = (&shim.durable, rc) {
        let bytes = std::slice::from_raw_parts(buf as *const u8, n as usize).to_vec();
        record(path, Op::Write(at as u64, bytes));
    }
    rc
}

unsafe extern "C" fn shim_truncate(file: *mut ffi::sqlite3_file, size: i64) -> c_int {
    let (shim, real, methods) = parts(file);
    let rc = (methods.xTruncate.unwrap())(real, size);
    if let (Some(path), ffi::SQLITE_OK) = (&shim.durable, rc) {
        record(path, Op::Truncate(size as u64));
    }
    rc
}

unsafe extern "C" fn shim_sync(file: *mut ffi::sqlite3_file, flags: c_int) -> c_int {
    let (shim, real, methods) = parts(file);
    let rc = (methods.xSync.unwrap())(real, flags);
    match (&shim.durable, rc) {
        (Some(path), ffi::SQLITE_OK) => match flush(path) {
            Ok(()) => ffi::SQLITE_OK,
            Err(_) => ffi::SQLITE_IOERR_FSYNC,
        },
        _ => rc,
    }
}

unsafe extern "C" fn shim_file_size(file: *mut ffi::sqlite3_file, size: *mut i64) -> c_int {
    let (_, real, methods) = parts(file);
    (methods.xFileSize.unwrap())(real, size)
}

unsafe extern "C" fn shim_lock(file: *mut ffi::sqlite3_file, level: c_int) -> c_int {
    let (_, real, methods) = parts(file);
    (methods.xLock.unwrap())(real, level)
}

unsafe extern "C" fn shim_unlock(file: *mut ffi::sqlite3_file, level: c_int) -> c_int {
    let (_, real, methods) = parts(file);
    (methods.xUnlock.unwrap())(real, level)
}

unsafe extern "C" fn shim_check_reserved_lock(file: *mut ffi::sqlite3_file, out: *mut c_int) -> c_int {
    let (_, real, methods) = parts(file);
    (methods.xCheckReservedLock.unwrap())(real, out)
}

unsafe extern "C" fn shim_file_control(file: *mut ffi::sqlite3_file, op: c_int, arg: *mut c_void) -> c_int {
    let (_, real, methods) = parts(file);
    (methods.xFileControl.unwrap())(real, op, arg)
}

unsafe extern "C" fn shim_sector_size(file: *mut ffi::sqlite3_file) -> c_int {
    let (_, real, methods) = parts(file);
    (methods.xSectorSize.unwrap())(real)
}

unsafe extern "C" fn shim_device_characteristics(file: *mut ffi::sqlite3_file) -> c_int {
    let (_, real, methods) = parts(file);
    (methods.xDeviceCharacteristics.unwrap())(real)
}

unsafe extern "C" fn shim_shm_map(
    file: *mut ffi::sqlite3_file,
    region: c_int,
    size: c_int,
    extend: c_int,
    out: *mut *mut c_void,
) -> c_int {
    let (_, real, methods) = parts(file);
    (methods.xShmMap.unwrap())(real, region, size, extend, out)
}

unsafe extern "C" fn shim_shm_lock(file: *mut ffi::sqlite3_file, offset: c_int, n: c_int, flags: c_int) -> c_int {
    let (_, real, methods) = parts(file);
    (methods.xShmLock.unwrap())(real, offset, n, flags)
}

unsafe extern "C" fn shim_shm_barrier(file: *mut ffi::sqlite3_file) {
    let (_, real, methods) = parts(file);
    (methods.xShmBarrier.unwrap())(real)
}

unsafe extern "C" fn shim_shm_unmap(file: *mut ffi::sqlite3_file, delete: c_int) -> c_int {
    let (_, real, methods) = parts(file);
    (methods.xShmUnmap.unwrap())(real, delete)
}
