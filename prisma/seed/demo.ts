export async function seedDemoData(_u: string, _o: {reset: boolean}) { return "todo"; }
